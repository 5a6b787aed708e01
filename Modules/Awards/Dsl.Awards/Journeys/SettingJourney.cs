namespace Dsl.Awards.Journeys;

/// <summary>
/// Awards' own copy of what other modules reported about a setting's journey (keyed by its URN): the enrolment and
/// cohort, whether a lead completed embedding, and the levels of every self-assessment it submitted.
/// </summary>
public sealed class SettingJourney
{
    /// <summary>The setting's URN.</summary>
    public string Id { get; set; } = "";
    /// <summary>The setting's latest confirmed enrolment (records about the setting are found by it, e.g. for erasure).</summary>
    public Guid EnrolmentId { get; set; }
    public Guid CohortId { get; set; }
    public string Region { get; set; } = "";
    /// <summary>The setting's name as Enrolment named it (for the credential and certificate).</summary>
    public string SettingName { get; set; } = "";
    /// <summary>When a lead of the setting completed the full programme, embedding included.</summary>
    public DateTimeOffset? EmbeddingCompletedAt { get; set; }
    public List<ReportedSelfAssessment> SelfAssessments { get; set; } = [];
}

/// <summary>A submitted self-assessment as Assessment published it: kind and level per element, nothing of the evidence.</summary>
public sealed record ReportedSelfAssessment(Guid Id, string Kind, DateTimeOffset SubmittedAt, Dictionary<string, int> Levels);

/// <summary>Which setting an enrolment belongs to, so Curriculum's events (which name only the enrolment) reach the setting's journey.</summary>
public sealed class AwardsEnrolment
{
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
}

/// <summary>Awards' copy of a cohort: its facilitator may not assess the settings of it (conflict of interest).</summary>
public sealed class AwardsCohort
{
    public Guid Id { get; set; }
    public string? FacilitatorId { get; set; }
    public int Revision { get; set; }
}

internal static class Journeys
{
    public static async Task<SettingJourney> LoadOrStartAsync(IDocumentSession session, string urn, CancellationToken ct) =>
        await session.LoadAsync<SettingJourney>(urn, ct) ?? new SettingJourney { Id = urn, SettingName = urn };

    public static async Task<SettingJourney?> OfEnrolmentAsync(IDocumentSession session, Guid enrolmentId, CancellationToken ct) =>
        await session.LoadAsync<AwardsEnrolment>(enrolmentId, ct) is { } enrolment
            ? await session.LoadAsync<SettingJourney>(enrolment.SettingUrn, ct)
            : null;
}
