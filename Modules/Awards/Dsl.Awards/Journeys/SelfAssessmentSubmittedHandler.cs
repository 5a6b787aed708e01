using Dsl.Assessment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>Keeps the kind and levels of each submitted self-assessment (once per self-assessment, on redelivery too).</summary>
public static class SelfAssessmentSubmittedHandler
{
    public static async Task Handle(SelfAssessmentSubmitted submitted, IDocumentSession session, CancellationToken ct)
    {
        var journey = await Journeys.LoadOrStartAsync(session, submitted.SettingUrn, ct);
        if (journey.SelfAssessments.Any(s => s.Id == submitted.SelfAssessmentId)) return;
        if (string.IsNullOrEmpty(journey.Region)) journey.Region = submitted.Region;
        journey.SelfAssessments.Add(new ReportedSelfAssessment(submitted.SelfAssessmentId,
            submitted.Kind == SelfAssessmentKind.Baseline ? "baseline" : "review", submitted.SubmittedAt, new(submitted.Levels)));
        journey.SelfAssessments.Sort((a, b) => a.SubmittedAt.CompareTo(b.SubmittedAt));
        session.Store(journey);
    }
}
