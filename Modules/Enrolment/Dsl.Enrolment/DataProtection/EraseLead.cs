using Dsl.Enrolment.Enrolments;

namespace Dsl.Enrolment.DataProtection;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

/// <param name="Reason">Why (e.g. "the lead's request of 28 November"): kept with the request, never in an event.</param>
/// <param name="RequestedOn">When the person asked: the month to answer runs from this date.</param>
public sealed record EraseLead(string? Reason, DateOnly? RequestedOn)
{
    public sealed class Validator : AbstractValidator<EraseLead>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
            RuleFor(x => x.RequestedOn).NotNull();
        }
    }
}

/// <summary>A data-protection request as Enrolment answers it: where to watch every module complete it.</summary>
public sealed record DataProtectionRequestAccepted(Guid RequestId, Guid EnrolmentId, string Kind, string Status);

public static class EraseLeadEndpoint
{
    /// <summary>
    /// Erases the enrolment's lead (admin): Enrolment anonymises the lead's name, email and job title and the endorser's
    /// name, keeps the enrolment's facts for reports, and asks every module (and integrators) to erase theirs. 202 with
    /// the request at <c>/api/data-protection/requests/{requestId}</c>; asking again answers the same request (200).
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/enrolments/{id}/lead/erasure", OperationId = "EraseLead")]
    [Tags(ApiTags.DataProtection)]
    [EndpointSummary("Erase an enrolment's lead")]
    [ProducesResponseType<DataProtectionRequestAccepted>(StatusCodes.Status202Accepted)]
    public static (IResult, Events, OutgoingMessages) Post(EraseLead command, [WriteAggregate] Enrolment enrolment,
        IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        if (enrolment.LeadErasure is { } earlier)
            return (Results.Ok(Accepted(earlier.RequestId, enrolment.Id)), [], []);

        var now = clock.GetUtcNow();
        var requestId = Guid.CreateVersion7(now);
        session.Store(new ErasureRecord
        {
            Id = requestId, EnrolmentId = enrolment.Id, Reason = command.Reason!, RequestedOn = command.RequestedOn!.Value,
            RecordedBy = user.UserId() ?? "", RecordedAt = now,
        });
        return Erase(enrolment, requestId, now);
    }

    /// <summary>The one erasure path, for an admin's request and for the retention job alike.</summary>
    public static (IResult, Events, OutgoingMessages) Erase(Enrolment enrolment, Guid requestId, DateTimeOffset now) =>
        (Results.Accepted($"/api/data-protection/requests/{requestId}", Accepted(requestId, enrolment.Id)),
            [new LeadErasureRecorded(requestId, now)],
            [new LeadErasureRequested { EventId = Guid.CreateVersion7(now), OccurredAt = now, Region = enrolment.Region,
                EnrolmentId = enrolment.Id, RequestId = requestId }]);

    private static DataProtectionRequestAccepted Accepted(Guid requestId, Guid enrolmentId) =>
        new(requestId, enrolmentId, "erasure", "requested");
}

/// <summary>Why and when an admin asked for a lead's erasure (not kept in any event: the reason is free text).</summary>
public sealed class ErasureRecord
{
    /// <summary>The request id.</summary>
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly RequestedOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
