using Dsl.Curriculum.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>What the phase rules look at besides the progress record: the catalogue and the lead's sign-offs.</summary>
public sealed record Evidence(IReadOnlyCollection<string> ElementCodes, IReadOnlyCollection<string> OutcomeCodes,
    IReadOnlySet<string> SignedOff);

/// <summary>
/// The phase rules (ADR 0019): a lead moves on when the evidence for the current phase is complete.
/// learning → reflectivePlanning: every element attended or caught up once; reflectivePlanning → embedding (full
/// track) or embeddingDeferred (short track): baseline self-assessment submitted and action plan agreed; embedding →
/// completed: the embedding period passed, a review self-assessment submitted during it, every outcome signed off.
/// </summary>
public static class PhaseRules
{
    /// <summary>The phase after the current one, by evidence or by override; null when there is none.</summary>
    public static ProgrammePhase? Next(LeadProgress progress) => progress.Phase switch
    {
        ProgrammePhase.Learning => ProgrammePhase.ReflectivePlanning,
        ProgrammePhase.ReflectivePlanning => progress.Track == Tracks.Short ? ProgrammePhase.EmbeddingDeferred : ProgrammePhase.Embedding,
        ProgrammePhase.Embedding => ProgrammePhase.Completed,
        ProgrammePhase.EmbeddingDeferred => ProgrammePhase.Embedding,
        _ => null,
    };

    /// <summary>When the lead entered their current phase (the latest move to it).</summary>
    public static DateTimeOffset? EnteredCurrentPhase(LeadProgress progress) =>
        progress.Phases.LastOrDefault(p => p.Phase == progress.Phase)?.At;

    /// <summary>What is still missing before the lead moves on by evidence (empty: they move on).</summary>
    public static List<string> Missing(LeadProgress progress, Evidence evidence, DateTimeOffset now)
    {
        var missing = new List<string>();
        switch (progress.Phase)
        {
            case ProgrammePhase.Learning:
                missing.AddRange(evidence.ElementCodes.Where(c => !progress.CoveredElements.ContainsKey(c))
                    .Select(c => $"element {c} not covered"));
                break;
            case ProgrammePhase.ReflectivePlanning:
                if (progress.BaselineSubmittedAt is null) missing.Add("baseline self-assessment not submitted");
                if (progress.ActionPlanAgreedAt is null) missing.Add("action plan not agreed");
                break;
            case ProgrammePhase.Embedding:
                if (progress.EmbeddingEndsAt is { } ends && now < ends) missing.Add($"embedding period ends {ends:yyyy-MM-dd}");
                var entered = EnteredCurrentPhase(progress) ?? DateTimeOffset.MinValue;
                if (!progress.ReviewsSubmittedAt.Any(r => r >= entered)) missing.Add("review self-assessment not submitted");
                missing.AddRange(evidence.OutcomeCodes.Where(c => !evidence.SignedOff.Contains(c))
                    .Select(c => $"outcome {c} not signed off"));
                break;
            case ProgrammePhase.EmbeddingDeferred:
                missing.Add("embedding deferred: resume embedding to continue");
                break;
        }
        return missing;
    }

    /// <summary>The phase the evidence moves the lead to now, or null (a deferred or closed record never moves by itself).</summary>
    public static ProgrammePhase? NextByEvidence(LeadProgress progress, Evidence evidence, DateTimeOffset now) =>
        progress.Open && progress.Phase is not (ProgrammePhase.EmbeddingDeferred or ProgrammePhase.Completed)
                      && Missing(progress, evidence, now).Count == 0
            ? Next(progress)
            : null;

    /// <summary>The date the current phase is due to end by: embedding due, embedding period end, or the resume window.</summary>
    public static DateTimeOffset? NextDueDate(LeadProgress progress) => progress.Phase switch
    {
        ProgrammePhase.Learning or ProgrammePhase.ReflectivePlanning => progress.EmbeddingDueBy,
        ProgrammePhase.Embedding => progress.EmbeddingEndsAt,
        ProgrammePhase.EmbeddingDeferred => progress.ResumeEmbeddingBy,
        _ => null,
    };

    /// <summary>
    /// Recomputes covered elements and misses in a row from the lead's register marks and catch-up contacts (so a
    /// corrected mark corrects the record).
    /// </summary>
    public static void Recount(LeadProgress progress, IEnumerable<Workshops.Attendance> marks, IEnumerable<Support.SupportContact> contacts)
    {
        var covered = new Dictionary<string, DateTimeOffset>();
        void Cover(string code, DateTimeOffset at)
        {
            if (!covered.TryGetValue(code, out var first) || at < first) covered[code] = at;
        }
        var ordered = marks.OrderBy(m => m.WorkshopStartsAt).ToList();
        foreach (var mark in ordered.Where(m => m.Attended))
            foreach (var code in mark.ElementCodes) Cover(code, mark.WorkshopStartsAt);
        foreach (var contact in contacts.Where(c => c.CatchUp))
            foreach (var code in contact.ElementCodes)
                Cover(code, new DateTimeOffset(contact.On.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        progress.CoveredElements = covered;
        progress.MissedInARow = ordered.AsEnumerable().Reverse().TakeWhile(m => !m.Attended).Count();
    }
}
