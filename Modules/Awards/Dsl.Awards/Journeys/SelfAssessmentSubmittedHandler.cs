using Dsl.Assessment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>Keeps the kind and levels of each submitted self-assessment (the same document on redelivery).</summary>
public static class SelfAssessmentSubmittedHandler
{
    public static IMartenOp Handle(SelfAssessmentSubmitted submitted) => MartenOps.Store(new ReportedSelfAssessment
    {
        Id = submitted.SelfAssessmentId, SettingUrn = submitted.SettingUrn,
        Kind = submitted.Kind == SelfAssessmentKind.Baseline ? "baseline" : "review", SubmittedAt = submitted.SubmittedAt,
        Levels = new(submitted.Levels),
    });
}
