namespace Dsl.Enrolment.Enrolments;

/// <param name="Lead">The new lead, who takes over the setting's place.</param>
public sealed record ReplaceLead(NominatedLead Lead)
{
    public sealed class Validator : AbstractValidator<ReplaceLead>
    {
        public Validator() => RuleFor(x => x.Lead).NotNull().SetValidator(new NominatedLead.Validator());
    }
}

public static class ReplaceLeadEndpoint
{
    public static ProblemDetails Validate(Enrolment enrolment, ClaimsPrincipal user) =>
        EnrolmentAccess.Check(user, enrolment, "replace the lead", EnrolmentStatus.AwaitingEndorsement,
            EnrolmentStatus.Confirmed, EnrolmentStatus.Waitlisted, EnrolmentStatus.PlaceOffered);

    /// <summary>
    /// A new lead takes over the same enrolment and place (the setting's head, or admin); the head must
    /// endorse the new lead before the enrolment is confirmed again.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrHead)]
    [WolverinePost("/api/enrolments/{id}/replace-lead", OperationId = "ReplaceLead")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("Replace the lead")]
    public static async Task<(EnrolmentView, Events, IMartenOp, OutgoingMessages)> Post(ReplaceLead command,
        [WriteAggregate] Enrolment enrolment, TimeProvider clock, HttpResponse response, IQuerySession session, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lead = command.Lead.ToLead(Guid.CreateVersion7(now));
        var events = new Events { new LeadChanged(lead.Id, now) };
        var after = enrolment.After(events);
        response.SetETag(after.Version);
        return (EnrolmentView.From(after, lead), events, MartenOps.Insert(lead),
            new OutgoingMessages { new LeadReplaced().About(enrolment, now), await LeadNaming.ForAsync(after, lead, session, ct) });
    }
}
