using Dsl.Assessment.SkillsFramework;
using Dsl.Assessment.SkillsReviews;

namespace Dsl.Rules.Tests.Assessment;

public sealed class SkillsReviewRulesTests
{
    private static readonly List<Competency> Framework = SeedSkillsFramework.Load().Competencies;
    private static readonly List<string> Statements = Framework.SelectMany(c => c.Statements).Select(s => s.Code).ToList();

    private static RaterResponse Rater(RaterGroup group, Func<string, int?> rating, params RaterComment[] comments) => new()
    {
        Id = Guid.NewGuid(), Group = group, Ratings = Statements.ToDictionary(s => s, rating), Comments = [.. comments],
    };

    private static RaterResponse Rater(RaterGroup group, int rating) => Rater(group, _ => rating);

    private static List<string> Labels(IEnumerable<RaterResponse> raters) =>
        RaterAnonymity.VisibleGroups(raters, r => r.Group).Select(g => $"{g.Label}:{g.Raters.Count}").ToList();

    [Fact]
    public void the_framework_has_nine_competencies_of_three_to_five_statements_with_unique_codes()
    {
        Framework.Count.ShouldBe(9);
        Framework.ShouldAllBe(c => c.Statements.Count >= 3 && c.Statements.Count <= 5);
        Statements.Distinct().Count().ShouldBe(Statements.Count);
        SeedSkillsFramework.Load().Scale.Select(s => s.Code).ShouldBe(["rarely", "sometimes", "often", "usually", "consistently"]);
    }

    [Fact]
    public void three_peers_are_shown_as_their_group() =>
        Labels([Rater(RaterGroup.Peer, 3), Rater(RaterGroup.Peer, 4), Rater(RaterGroup.Peer, 2)]).ShouldBe(["peer:3"]);

    [Fact]
    public void two_peers_and_two_direct_reports_are_pooled_into_others() =>
        Labels([Rater(RaterGroup.Peer, 3), Rater(RaterGroup.Peer, 4), Rater(RaterGroup.DirectReport, 2), Rater(RaterGroup.DirectReport, 5)])
            .ShouldBe(["others:4"]);

    [Fact]
    public void a_pool_under_three_is_withheld() =>
        Labels([Rater(RaterGroup.Peer, 3), Rater(RaterGroup.Peer, 4)]).ShouldBeEmpty();

    [Fact]
    public void the_line_manager_is_shown_alone_and_is_never_pooled() =>
        Labels([Rater(RaterGroup.LineManager, 5), Rater(RaterGroup.Governor, 2), Rater(RaterGroup.Other, 4)]).ShouldBe(["lineManager:1"]);

    private static readonly Dictionary<string, int?> Self =
        // The vision's three statements 5, 5 and 2 (mean 4); everything else 4.
        Statements.ToDictionary(s => s, s => (int?)(s is "vision-clear" or "vision-audiences" ? 5 : s == "vision-why" ? 2 : 4));

    private static Func<string, int?> LowOnWellbeing(int rating) => s => s.StartsWith("wellbeing-") ? 1 : rating;

    private static readonly RaterResponse[] StartRaters =
    [
        Rater(RaterGroup.Peer, LowOnWellbeing(3), new RaterComment("communicating-the-vision", "Clear assemblies")),
        Rater(RaterGroup.Peer, LowOnWellbeing(4)), Rater(RaterGroup.Peer, LowOnWellbeing(2)),
        // The line manager cannot say on the vision's first statement.
        Rater(RaterGroup.LineManager, s => s == "vision-clear" ? null : 5, new RaterComment("championing-change", "Keeps going")),
        // A lone governor: withheld, so neither their 1s nor their comment reach any figure.
        Rater(RaterGroup.Governor, _ => 1, new RaterComment("communicating-the-vision", "Only I would say this")),
    ];

    [Fact]
    public void means_and_gaps_match_a_hand_computed_case_and_withheld_answers_count_nowhere()
    {
        var report = SkillsReportRules.Compute(Framework, Self, StartRaters, null, Given.Now, new Random(1));

        report.Groups.ShouldBe([new ReportGroup("lineManager", 1), new ReportGroup("peer", 3)]);
        report.SomeWithheld.ShouldBeTrue();
        var vision = report.Competencies.Single(c => c.Code == "communicating-the-vision");
        vision.Self.ShouldBe(4.0);
        vision.Groups["peer"].ShouldBe(3.0);         // (3+4+2)·3 ratings / 9
        vision.Groups["lineManager"].ShouldBe(5.0);  // two 5s, one cannot-say
        vision.Others.ShouldBe(3.36);                // (27 + 10) / 11, the governor left out
        vision.Gap.ShouldBe(0.64);                   // 4 − 37/11
        var wellbeing = report.Competencies.Single(c => c.Code == "wellbeing-of-self-and-staff");
        wellbeing.Others.ShouldBe(2.0);              // (9·1 + 3·5) / 12
        wellbeing.Gap.ShouldBe(2.0);
        var persuading = report.Competencies.Single(c => c.Code == "persuading-and-influencing");
        (persuading.Others, persuading.Gap).ShouldBe((3.5, 0.5)); // (27 + 15) / 12
        report.Strongest.ShouldBe(["persuading-and-influencing", "engaging-staff-pupils-parents", "championing-change"]);
        report.ToDevelop.ShouldBe(["wellbeing-of-self-and-staff", "communicating-the-vision", "self-awareness-and-bias"]);
        report.Comments.Select(c => c.Text).Order().ShouldBe(["Clear assemblies", "Keeps going"]);
        report.Competencies.ShouldAllBe(c => c.Change == null);
    }

    [Fact]
    public void an_end_review_shows_the_change_since_the_start()
    {
        var startId = Guid.NewGuid();
        var start = SkillsReportRules.Compute(Framework, Self, StartRaters, null, Given.Now, new Random(1));
        var selfAfter = Statements.ToDictionary(s => s, _ => (int?)5);
        RaterResponse[] endRaters = [Rater(RaterGroup.Peer, 4), Rater(RaterGroup.Peer, 4), Rater(RaterGroup.Peer, 4)];

        var end = SkillsReportRules.Compute(Framework, selfAfter, endRaters, (startId, start), Given.Now.AddMonths(9), new Random(1));

        end.StartReviewId.ShouldBe(startId);
        end.SomeWithheld.ShouldBeFalse();
        var wellbeing = end.Competencies.Single(c => c.Code == "wellbeing-of-self-and-staff");
        wellbeing.Change.ShouldBe(new CompetencyChange(1.0, 2.0));  // self 4 → 5, others 2 → 4
        end.Competencies.Single(c => c.Code == "communicating-the-vision").Change.ShouldBe(new CompetencyChange(1.0, 0.64)); // 3.36 → 4
    }

    [Fact]
    public void comments_are_shuffled_and_carry_no_group()
    {
        var raters = Enumerable.Range(1, 12).Select(i => Rater(RaterGroup.Peer, _ => 3, new RaterComment("championing-change", $"c{i}"))).ToList();

        var orders = Enumerable.Range(1, 5).Select(seed => string.Join(",", RaterAnonymity.ShuffledComments(
            RaterAnonymity.VisibleGroups(raters, r => r.Group), new Random(seed)).Select(c => c.Text))).ToList();

        orders.Distinct().Count().ShouldBeGreaterThan(1);
        orders.ShouldNotContain(string.Join(",", raters.Select(r => r.Comments[0].Text)));
        typeof(RaterComment).GetProperties().Select(p => p.Name).ShouldBe(["CompetencyCode", "Text"]);
    }

    [Fact]
    public void rater_tokens_carry_256_random_bits_and_only_their_hash_is_kept()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => RaterTokens.New()).ToList();

        tokens.Distinct().Count().ShouldBe(50);
        tokens.ShouldAllBe(t => t.Length == 43 && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        RaterTokens.HashOf(tokens[0]).Length.ShouldBe(64);
        RaterTokens.HashOf(tokens[0]).ShouldNotContain(tokens[0]);
    }
}
