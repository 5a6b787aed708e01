using Dsl.Curriculum.Progress;

namespace Dsl.Curriculum.Support;

public sealed record SupportContactsView(Guid EnrolmentId, List<SupportContactView> Items, int TotalMinutes);

public static class GetSupportContactsEndpoint
{
    /// <summary>
    /// The support a lead had between workshops, newest first (admin, the cohort's facilitator, the setting's head or
    /// lead; the lead and head see everything but the notes).
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/progress/{enrolmentId}/support", OperationId = "GetSupportContacts")]
    [AuditedRead("supportContacts")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("List a lead's support contacts")]
    [ProducesResponseType<SupportContactsView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid enrolmentId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var lead = await LeadInCohort.LoadAsync(session, enrolmentId, ct);
        if (lead is null || !lead.CanRead(user)) return Results.Problem(Problems.NotFound(LeadInCohort.NotFound(enrolmentId)));
        // A lead has tens of contacts over the programme: one answer, no paging.
        var contacts = (await session.Query<SupportContact>().Where(c => c.EnrolmentId == enrolmentId).ToListAsync(ct))
            .OrderByDescending(c => c.On).ThenByDescending(c => c.RecordedAt).ToList();
        return TypedResults.Ok(new SupportContactsView(enrolmentId, contacts.Select(c => SupportContactView.From(c, user)).ToList(),
            contacts.Sum(c => c.Minutes)));
    }
}
