using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Elements;

namespace Dsl.Curriculum.Progress;

/// <summary>One element's progress: covered at a workshop or catch-up, and its outcomes signed off.</summary>
public sealed record ElementProgress(string Code, bool Covered, DateTimeOffset? CoveredAt, int OutcomesSignedOff, int Outcomes,
    double Progress);

/// <summary>A lead's progress as read: the phase, when each phase was entered, what is missing, and by when.</summary>
public sealed record ProgressView(
    Guid Id, string SettingUrn, Guid CohortId, string Region, string AcademicYear, ProgrammePhase Phase, string Track,
    bool Open, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, List<PhaseChange> Phases,
    Dictionary<string, DateTimeOffset> PhaseEnteredAt, List<string> Missing, DateTimeOffset? NextDueDate,
    int MissedInARow, bool MissedTwoInARow, List<ElementProgress> Elements, DateTimeOffset? BaselineSubmittedAt,
    DateTimeOffset? ActionPlanAgreedAt, List<DateTimeOffset> ReviewsSubmittedAt, DateTimeOffset? EmbeddingEndsAt,
    DateTimeOffset? ResumeEmbeddingBy)
{
    public static ProgressView From(LeadProgress p, Evidence evidence, DateTimeOffset now, ClaimsPrincipal user)
    {
        _ = user; // every reader sees the same record: nothing on it is a note
        var elements = evidence.ElementCodes.Select(code =>
        {
            var outcomes = evidence.OutcomeCodes.Where(o => OutcomeCodes.ElementOf(o) == code).ToList();
            var signed = outcomes.Count(evidence.SignedOff.Contains);
            var covered = p.CoveredElements.TryGetValue(code, out var at);
            return new ElementProgress(code, covered, covered ? at : null, signed, outcomes.Count,
                outcomes.Count == 0 ? 0 : Math.Round((double)signed / outcomes.Count, 2));
        }).ToList();
        var entered = p.Phases.GroupBy(c => c.Phase)
            .ToDictionary(g => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(g.Key.ToString()), g => g.Last().At);
        return new ProgressView(p.Id, p.SettingUrn, p.CohortId, p.Region, p.AcademicYear, p.Phase, p.Track, p.Open,
            p.OpenedAt, p.ClosedAt, p.Phases, entered, p.Open ? PhaseRules.Missing(p, evidence, now) : [],
            p.Open ? PhaseRules.NextDueDate(p) : null, p.MissedInARow, p.MissedInARow >= 2, elements,
            p.BaselineSubmittedAt, p.ActionPlanAgreedAt, p.ReviewsSubmittedAt, p.EmbeddingEndsAt, p.ResumeEmbeddingBy);
    }
}
