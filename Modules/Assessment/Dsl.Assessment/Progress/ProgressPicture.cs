using Dsl.Assessment.Framework;
using Dsl.Assessment.SelfAssessments;

namespace Dsl.Assessment.Progress;

/// <summary>A setting's self-assessed levels over time, per element and overall.</summary>
/// <param name="OverallBaseline">The mean level across the eight elements at the baseline.</param>
/// <param name="OverallLatest">The mean level at the latest submission.</param>
public sealed record ProgressPicture(string SettingUrn, int Submissions, double? OverallBaseline, double? OverallLatest,
    IReadOnlyList<ElementLevelProgress> Elements);

/// <param name="Change">Latest minus baseline.</param>
public sealed record ElementLevelProgress(string Code, int Number, string Title, int? Baseline, int? Latest, int? Change,
    IReadOnlyList<ProgressPoint> Series);

public sealed record ProgressPoint(DateTimeOffset SubmittedAt, SelfAssessmentKind Kind, int Level);

public static class ProgressRules
{
    /// <summary>The picture from a setting's submitted self-assessments, oldest first.</summary>
    public static ProgressPicture Build(string urn, IReadOnlyList<FrameworkElement> elements, IEnumerable<SelfAssessment> submitted)
    {
        var ordered = submitted.Where(s => s.Status == SelfAssessmentStatus.Submitted).OrderBy(s => s.SubmittedAt).ToList();
        var rows = elements.OrderBy(e => e.Number).Select(e =>
        {
            var series = ordered.Where(s => s.Elements.ContainsKey(e.Code))
                .Select(s => new ProgressPoint(s.SubmittedAt!.Value, s.Kind ?? SelfAssessmentKind.Review, s.Elements[e.Code].Level))
                .ToList();
            int? baseline = series.Count > 0 ? series[0].Level : null;
            int? latest = series.Count > 0 ? series[^1].Level : null;
            return new ElementLevelProgress(e.Code, e.Number, e.Title, baseline, latest, latest - baseline, series);
        }).ToList();
        return new ProgressPicture(urn, ordered.Count, Mean(rows.Select(r => r.Baseline)), Mean(rows.Select(r => r.Latest)), rows);
    }

    private static double? Mean(IEnumerable<int?> levels)
    {
        var known = levels.OfType<int>().ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), 2);
    }
}
