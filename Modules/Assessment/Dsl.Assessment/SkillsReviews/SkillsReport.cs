using Dsl.Assessment.SkillsFramework;

namespace Dsl.Assessment.SkillsReviews;

/// <summary>A group shown in the report and how many answered (never 1 or 2, except the line manager).</summary>
public sealed record ReportGroup(string Group, int Raters);

/// <summary>The change from the start review to the end review (end − start).</summary>
public sealed record CompetencyChange(double? Self, double? Others);

/// <param name="Self">The lead's mean rating of the competency's statements (cannot-say left out).</param>
/// <param name="Groups">The mean per visible group label.</param>
/// <param name="Others">The mean of every visible rater's ratings.</param>
/// <param name="Gap">Self − others: positive when the lead rates themselves higher than others do.</param>
/// <param name="Change">For an end review, the change since the start review.</param>
public sealed record CompetencyResult(string Code, string Title, double? Self, Dictionary<string, double?> Groups, double? Others,
    double? Gap, CompetencyChange? Change);

/// <param name="SomeWithheld">Answers of groups too small to show (and too few to pool) were left out of every figure.</param>
/// <param name="Strongest">The three competencies others rated highest (the lead's own rating where no other is shown).</param>
/// <param name="ToDevelop">The three rated lowest.</param>
/// <param name="Comments">Visible raters' comments, unattributed and shuffled.</param>
public sealed record SkillsReport(DateTimeOffset ComputedAt, IReadOnlyList<ReportGroup> Groups, bool SomeWithheld,
    IReadOnlyList<CompetencyResult> Competencies, IReadOnlyList<string> Strongest, IReadOnlyList<string> ToDevelop,
    IReadOnlyList<RaterComment> Comments, Guid? StartReviewId);

/// <summary>Computes a review's results once, at close: means per visible group and overall, gaps, strengths and change.</summary>
public static class SkillsReportRules
{
    public static SkillsReport Compute(IReadOnlyList<Competency> competencies, IReadOnlyDictionary<string, int?> self,
        IReadOnlyList<RaterResponse> responses, (Guid Id, SkillsReport Report)? start, DateTimeOffset now, Random random)
    {
        var visible = RaterAnonymity.VisibleGroups(responses, r => r.Group);
        var shown = visible.SelectMany(g => g.Raters).ToList();
        var results = competencies.OrderBy(c => c.Number).Select(c =>
        {
            var codes = c.Statements.Select(s => s.Code).ToList();
            var selfMean = Mean(codes.Select(code => self.GetValueOrDefault(code)));
            var others = Mean(shown, codes);
            var before = start?.Report.Competencies.FirstOrDefault(r => r.Code == c.Code);
            return new CompetencyResult(c.Code, c.Title, Round(selfMean),
                visible.ToDictionary(g => g.Label, g => Round(Mean(g.Raters, codes))), Round(others),
                Round(selfMean - others),
                before is null ? null : new CompetencyChange(Round(selfMean - before.Self), Round(others - before.Others)));
        }).ToList();

        var ranked = results.Select(r => (r.Code, Score: r.Others ?? r.Self)).Where(r => r.Score is not null).ToList();
        var strongest = ranked.OrderByDescending(r => r.Score).Take(3).Select(r => r.Code).ToList();
        var toDevelop = ranked.OrderBy(r => r.Score).Where(r => !strongest.Contains(r.Code)).Take(3).Select(r => r.Code).ToList();
        return new SkillsReport(now, visible.Select(g => new ReportGroup(g.Label, g.Raters.Count)).ToList(),
            shown.Count < responses.Count, results, strongest, toDevelop, RaterAnonymity.ShuffledComments(visible, random), start?.Id);
    }

    private static double? Mean(IEnumerable<RaterResponse> raters, IReadOnlyList<string> codes) =>
        Mean(raters.SelectMany(r => codes.Select(code => r.Ratings.GetValueOrDefault(code))));

    private static double? Mean(IEnumerable<int?> ratings)
    {
        var given = ratings.OfType<int>().ToList();
        return given.Count == 0 ? null : given.Average();
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}
