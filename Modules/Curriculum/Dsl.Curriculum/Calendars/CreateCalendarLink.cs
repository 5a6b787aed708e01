using Dsl.BuildingBlocks.Calendars;
using Dsl.Curriculum.Cohorts;
using Dsl.Curriculum.Progress;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;

namespace Dsl.Curriculum.Calendars;

/// <param name="CohortId">Subscribe to this cohort's workshops…</param>
/// <param name="EnrolmentId">…or to this lead's (exactly one of the two).</param>
public sealed record CreateCalendarLink(Guid? CohortId, Guid? EnrolmentId)
{
    public sealed class Validator : AbstractValidator<CreateCalendarLink>
    {
        public Validator()
        {
            RuleFor(x => x.CohortId).NotNull().When(x => x.EnrolmentId is null)
                .WithMessage("Send cohortId or enrolmentId.");
            RuleFor(x => x.EnrolmentId).Null().When(x => x.CohortId is not null)
                .WithMessage("Send cohortId or enrolmentId, not both.");
        }
    }
}

/// <param name="Id">The link's id, to revoke it.</param>
/// <param name="Url">The private subscription address: anyone holding it sees the calendar, so share it with care.</param>
public sealed record CalendarLinkCreated(Guid Id, string Url, Guid? CohortId, Guid? EnrolmentId, DateTimeOffset CreatedAt);

public static class CreateCalendarLinkEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(CreateCalendarLink command, ClaimsPrincipal user, IQuerySession session,
        CancellationToken ct)
    {
        if (command.CohortId is { } cohortId)
        {
            var cohort = await session.LoadAsync<CurriculumCohort>(cohortId, ct);
            return await CohortAccess.CanReadAsync(user, cohort, session, ct)
                ? WolverineContinue.NoProblems
                : Problems.NotFound($"There is no cohort {cohortId}.");
        }
        var enrolmentId = command.EnrolmentId!.Value;
        var progress = await session.LoadAsync<LeadProgress>(enrolmentId, ct);
        return await LeadInCohort.CanReadAsync(user, progress, session, ct)
            ? WolverineContinue.NoProblems
            : Problems.NotFound(LeadInCohort.NotFound(enrolmentId));
    }

    /// <summary>
    /// Makes a private subscription address for a cohort's or a lead's calendar (whoever may read that calendar).
    /// The address is shown only in this response and works without a token until revoked. The response is
    /// marked no-store, so an Idempotency-Key retry makes a new link rather than replaying a kept copy of the address.
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverinePost("/api/curriculum/calendar-links", OperationId = "CreateCalendarLink")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Make a private calendar link")]
    public static Created<CalendarLinkCreated> Post(CreateCalendarLink command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, HttpRequest request, HttpResponse response, IConfiguration configuration)
    {
        var token = PrivateCalendarLinks.NewToken();
        var link = new CalendarLink
        {
            Id = Guid.CreateVersion7(), TokenHash = PrivateCalendarLinks.HashOf(token), CohortId = command.CohortId,
            EnrolmentId = command.EnrolmentId, CreatedBy = user.UserId() ?? "", CreatedAt = clock.GetUtcNow(),
        };
        session.Insert(link);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/curriculum/calendar-links/{link.Id}",
            new CalendarLinkCreated(link.Id, PublicLinks.For(request, configuration, CalendarLink.PathFor(token)), link.CohortId,
                link.EnrolmentId, link.CreatedAt));
    }
}
