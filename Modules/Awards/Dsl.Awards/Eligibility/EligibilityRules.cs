using Dsl.Awards.Awards;
using Dsl.Awards.Journeys;

namespace Dsl.Awards.Eligibility;

/// <summary>One criterion of eligibility, met or not, with the reason in words a head can act on.</summary>
public sealed record Criterion(string Code, string Description, bool Met, string Reason);

/// <summary>Whether a setting may apply, criterion by criterion.</summary>
public sealed record EligibilityResult(string SettingUrn, string Kind, string CriteriaVersion, bool Eligible, IReadOnlyList<Criterion> Criteria)
{
    public IEnumerable<Criterion> Unmet => Criteria.Where(c => !c.Met);
}

/// <summary>The eligibility rules of an award and of a renewal, on Awards' own copy of the setting's journey.</summary>
public static class EligibilityRules
{
    public static EligibilityResult ForAward(string urn, SettingJourney? journey, AwardCriteria criteria)
    {
        var assessments = journey?.SelfAssessments ?? [];
        var baseline = assessments.FirstOrDefault(s => s.Kind == "baseline");
        var reviews = assessments.Count(s => s.Kind == "review" && (baseline is null || s.SubmittedAt > baseline.SubmittedAt));
        var latest = assessments.LastOrDefault();
        var criteriaList = new List<Criterion>
        {
            journey?.EmbeddingCompletedAt is { } completedAt
                ? new("embeddingCompleted", "The lead completed the embedding phase (full track).", true, $"Completed on {completedAt:yyyy-MM-dd}.")
                : new("embeddingCompleted", "The lead completed the embedding phase (full track).", false, "No lead of the setting has completed the full programme with its embedding phase yet."),
            new("baselineAndReview", "The setting submitted a baseline and at least one later review self-assessment.",
                baseline is not null && reviews > 0,
                baseline is null ? "No baseline self-assessment has been submitted." : reviews == 0 ? "No review self-assessment has been submitted since the baseline." : $"A baseline and {reviews} review(s)."),
            LevelsCriterion("latestAtDeveloping", "In the latest self-assessment every element is at level 3 (developing) or above.", latest, criteria),
        };
        return Result(urn, "award", criteria, criteriaList);
    }

    /// <summary>A renewal: an award in its last months of validity, and a recent review with every element at the level.</summary>
    public static EligibilityResult ForRenewal(string urn, SettingJourney? journey, Award? award, AwardCriteria criteria, DateTimeOffset now)
    {
        var windowOpens = award?.ValidUntil.AddMonths(-criteria.RenewalWindowMonths);
        var recent = (journey?.SelfAssessments ?? []).LastOrDefault(s => s.Kind == "review" && s.SubmittedAt >= now.AddMonths(-criteria.RecentReviewMonths));
        var criteriaList = new List<Criterion>
        {
            award is null
                ? new("awardInRenewalWindow", $"The setting holds an award in its last {criteria.RenewalWindowMonths} months of validity.", false, "The setting holds no current award.")
                : now < windowOpens
                    ? new("awardInRenewalWindow", $"The setting holds an award in its last {criteria.RenewalWindowMonths} months of validity.", false, $"The award {award.Id} may be renewed from {windowOpens:yyyy-MM-dd}.")
                    : new("awardInRenewalWindow", $"The setting holds an award in its last {criteria.RenewalWindowMonths} months of validity.", true, $"The award {award.Id} is valid until {award.ValidUntil:yyyy-MM-dd}."),
            recent is null
                ? new("recentReviewAtDeveloping", $"A review self-assessment in the last {criteria.RecentReviewMonths} months rates every element at level 3 (developing) or above.", false, $"No review self-assessment was submitted in the last {criteria.RecentReviewMonths} months.")
                : LevelsCriterion("recentReviewAtDeveloping", $"A review self-assessment in the last {criteria.RecentReviewMonths} months rates every element at level 3 (developing) or above.", recent, criteria),
        };
        return Result(urn, "renewal", criteria, criteriaList);
    }

    private static Criterion LevelsCriterion(string code, string description, ReportedSelfAssessment? assessment, AwardCriteria criteria)
    {
        if (assessment is null) return new(code, description, false, "No self-assessment has been submitted.");
        var below = criteria.ElementCodes
            .Where(e => !assessment.Levels.TryGetValue(e, out var level) || level < criteria.MinimumLevel)
            .Select(e => assessment.Levels.TryGetValue(e, out var level) ? $"{e} ({level})" : $"{e} (not rated)")
            .ToList();
        return below.Count == 0
            ? new(code, description, true, $"Every element at {criteria.MinimumLevel} or above on {assessment.SubmittedAt:yyyy-MM-dd}.")
            : new(code, description, false, $"Below level {criteria.MinimumLevel} on {assessment.SubmittedAt:yyyy-MM-dd}: {string.Join(", ", below)}.");
    }

    private static EligibilityResult Result(string urn, string kind, AwardCriteria criteria, List<Criterion> list) =>
        new(urn, kind, criteria.Version, list.All(c => c.Met), list);
}
