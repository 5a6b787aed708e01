using Dsl.Curriculum.Cohorts;
using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Elements;

namespace Dsl.Curriculum.Workshops;

/// <summary>A workshop as read: UTC instants and the same instants in Europe/London local time.</summary>
public sealed record WorkshopView(
    Guid Id, Guid CohortId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset StartsAtLocal,
    DateTimeOffset EndsAtLocal, string TimeZone, WorkshopDelivery Delivery, string? Venue, string? JoinUrl,
    List<string> ElementCodes, string? FacilitatorId, WorkshopStatus Status, string? CancellationReason,
    DateTimeOffset? CancelledAt, int Sequence, int Version)
{
    public const string London = "Europe/London";
    private static readonly TimeZoneInfo LondonZone = TimeZoneInfo.FindSystemTimeZoneById(London);

    public static DateTimeOffset InLondon(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, LondonZone);

    public static WorkshopView From(Workshop w) => new(w.Id, w.CohortId, w.Title, w.StartsAt.ToUniversalTime(),
        w.EndsAt.ToUniversalTime(), InLondon(w.StartsAt), InLondon(w.EndsAt), London, w.Delivery, w.Venue, w.JoinUrl,
        w.ElementCodes, w.FacilitatorId, w.Status, w.CancellationReason, w.CancelledAt, w.Sequence, w.Version);
}

/// <summary>A cohort's schedule, cancelled workshops included, and the elements no scheduled workshop covers yet.</summary>
public sealed record ScheduleView(Guid CohortId, List<WorkshopView> Items, List<string> UncoveredElements,
    DateTimeOffset? FirstWorkshopStartsAt);

public static class WorkshopFacts
{
    /// <summary>The eight element codes, from the catalogue shipped with the module.</summary>
    public static readonly IReadOnlyList<string> ElementCodes =
        SeedElementCatalogue.Load().Elements.OrderBy(e => e.Number).Select(e => e.Code).ToList();

    public static T Describe<T>(this T @event, Workshop w, CurriculumCohort cohort, DateTimeOffset at)
        where T : WorkshopIntegrationEvent => (T)((WorkshopIntegrationEvent)@event with
        {
            EventId = Guid.CreateVersion7(at), OccurredAt = at, Region = cohort.Region, WorkshopId = w.Id,
            CohortId = w.CohortId, AcademicYear = cohort.AcademicYear, StartsAt = w.StartsAt.ToUniversalTime(),
            EndsAt = w.EndsAt.ToUniversalTime(), Sequence = w.Sequence,
        });

    public static WorkshopScheduled Scheduled(Workshop w, CurriculumCohort cohort, DateTimeOffset at) =>
        new WorkshopScheduled
        {
            Delivery = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(w.Delivery.ToString()), ElementCodes = w.ElementCodes,
        }.Describe(w, cohort, at);
}

/// <summary>Validation shared by scheduling and changing a workshop.</summary>
public static class WorkshopRules
{
    public static IRuleBuilderOptions<T, List<string>?> WorkshopElements<T>(this IRuleBuilder<T, List<string>?> rule) =>
        rule.Must(codes => codes is null || codes.All(c => WorkshopFacts.ElementCodes.Contains(c)))
            .WithMessage($"elementCodes must be element codes: {string.Join(", ", WorkshopFacts.ElementCodes)}.");

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Null when the delivery details fit the delivery; otherwise the validation problem.</summary>
    public static ProblemDetails? Delivery(WorkshopDelivery delivery, string? venue, string? joinUrl, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        if (endsAt <= startsAt) return Problems.Invalid("endsAt", "endsAt must be after startsAt.");
        if (delivery == WorkshopDelivery.FaceToFace && string.IsNullOrWhiteSpace(venue))
            return Problems.Invalid("venue", "A face-to-face workshop needs a venue.");
        if (delivery == WorkshopDelivery.Virtual && !IsHttpUrl(joinUrl))
            return Problems.Invalid("joinUrl", "A virtual workshop needs a join link (an http or https URL).");
        return null;
    }
}

/// <summary>What changing or cancelling a workshop first needs: the workshop and its cohort, run by the caller, at the version the caller holds.</summary>
public static class WorkshopChange
{
    /// <returns>The workshop and its cohort, or the problem to answer: 404 for a workshop the caller may not run, 412/428 for a stale or missing If-Match.</returns>
    public static async Task<(Workshop Workshop, CurriculumCohort Cohort, ProblemDetails? Refused)> LoadAsync(Guid id, ClaimsPrincipal user,
        string? ifMatch, IDocumentSession session, CancellationToken ct)
    {
        var workshop = await session.LoadAsync<Workshop>(id, ct);
        var cohort = workshop is null ? null : await session.LoadAsync<CurriculumCohort>(workshop.CohortId, ct);
        if (workshop is null || cohort is null || !CohortAccess.CanRun(user, cohort))
            return (null!, null!, Problems.NotFound($"There is no workshop {id}."));
        return (workshop, cohort, ETags.CheckIfMatch(ifMatch, workshop.Version));
    }
}
