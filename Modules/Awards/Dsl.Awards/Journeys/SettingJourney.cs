namespace Dsl.Awards.Journeys;

/// <summary>
/// What other modules reported about a setting's journey, put together when asked: its latest enrolment and cohort,
/// whether a lead completed embedding, and the levels of every self-assessment it submitted. Each fact is its own
/// document, written by the one handler of its message, so facts arriving at once on different queues never
/// overwrite each other.
/// </summary>
public sealed record SettingJourney(string SettingUrn, Guid EnrolmentId, Guid CohortId, string Region, string SettingName,
    DateTimeOffset? EmbeddingCompletedAt, IReadOnlyList<ReportedSelfAssessment> SelfAssessments);

/// <summary>Awards' copy of a confirmed enrolment: which setting, cohort and region it is.</summary>
public sealed class AwardsEnrolment
{
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    public Guid CohortId { get; set; }
    public string Region { get; set; } = "";
    public DateTimeOffset ConfirmedAt { get; set; }
}

/// <summary>The setting's name as Enrolment named it beside the confirmation (for the credential and certificate).</summary>
public sealed class EnrolmentSettingName
{
    /// <summary>The enrolment id.</summary>
    public Guid Id { get; set; }
    public string SettingName { get; set; } = "";
}

/// <summary>A lead completed the full programme, embedding included (Curriculum's programme-completed, track full).</summary>
public sealed class EmbeddingCompletion
{
    /// <summary>The enrolment id.</summary>
    public Guid Id { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>A submitted self-assessment as Assessment published it: kind and level per element, nothing of the evidence.</summary>
public sealed class ReportedSelfAssessment
{
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    /// <summary>baseline or review.</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public Dictionary<string, int> Levels { get; set; } = [];
}

/// <summary>Awards' copy of a cohort: its facilitator may not assess the settings of it (conflict of interest).</summary>
public sealed class AwardsCohort
{
    public Guid Id { get; set; }
    public string? FacilitatorId { get; set; }
    public int Revision { get; set; }
}

public static class SettingJourneys
{
    /// <summary>The setting's journey from its facts, or null when no module reported anything about it.</summary>
    public static async Task<SettingJourney?> LoadAsync(IQuerySession session, string urn, CancellationToken ct)
    {
        var enrolments = await session.Query<AwardsEnrolment>().Where(e => e.SettingUrn == urn).ToListAsync(ct);
        var assessments = (await session.Query<ReportedSelfAssessment>().Where(s => s.SettingUrn == urn).ToListAsync(ct))
            .OrderBy(s => s.SubmittedAt).ToList();
        if (enrolments.Count == 0 && assessments.Count == 0) return null;
        var latest = enrolments.MaxBy(e => e.ConfirmedAt);
        var ids = enrolments.Select(e => e.Id).ToArray();
        var names = await session.LoadManyAsync<EnrolmentSettingName>(ct, ids);
        var completions = await session.LoadManyAsync<EmbeddingCompletion>(ct, ids);
        return new SettingJourney(urn, latest?.Id ?? Guid.Empty, latest?.CohortId ?? Guid.Empty, latest?.Region ?? "",
            names.FirstOrDefault(n => n.Id == latest?.Id)?.SettingName ?? names.FirstOrDefault()?.SettingName ?? urn,
            completions.Count == 0 ? null : completions.Min(c => c.CompletedAt), assessments);
    }
}
