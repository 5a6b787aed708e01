using Dsl.PeerNetwork.Sets;

namespace Dsl.Rules.Tests.PeerNetwork;

public sealed class SetMatcherTests
{
    private static readonly Guid[] Cohorts = [new("00000000-0000-0000-0000-0000000000c1"), new("00000000-0000-0000-0000-0000000000c2"),
        new("00000000-0000-0000-0000-0000000000c3")];

    private static int _next;

    private static MatchCandidate Lead(string phase, int cohort = 0, string type = "academy") =>
        new(new Guid($"00000000-0000-0000-0000-{Interlocked.Increment(ref _next):D12}"), phase, type, Cohorts[cohort % Cohorts.Length]);

    private static List<MatchCandidate> TwentyThreeAcrossPhases() =>
    [
        .. Enumerable.Range(0, 11).Select(i => Lead("primary", i)),
        .. Enumerable.Range(0, 7).Select(i => Lead("secondary", i)),
        Lead("sixteenPlus", 1), Lead("sixteenPlus", 2),
        Lead("allThrough", 0), Lead("allThrough", 1),
        Lead("primary", 2, "specialSchool"),
    ];

    [Fact]
    public void twenty_three_leads_across_phases_form_sets_of_five_to_eight_keeping_phases_together()
    {
        var leads = TwentyThreeAcrossPhases();

        var result = SetMatcher.Match(leads, ["fac-a", "fac-b"]);

        result.Sets.ShouldAllBe(s => s.Members.Count >= 5 && s.Members.Count <= 8);
        result.Sets.Sum(s => s.Members.Count).ShouldBe(23);
        result.Waiting.ShouldBeEmpty();
        result.Sets.ShouldAllBe(s => !(s.PhaseMix.ContainsKey("primary") && s.PhaseMix.ContainsKey("secondary")),
            "primary and secondary leads are never mixed while each has enough for a set");
        var sizes = result.Sets.Select(s => s.Members.Count).ToList();
        (sizes.Max() - sizes.Min()).ShouldBeLessThanOrEqualTo(1);
        result.Sets.SelectMany(s => s.Members).Select(m => m.EnrolmentId).ShouldBeUnique();
        result.Sets.Where(s => s.Members.Any(m => m.SettingPhase == "sixteenPlus"))
            .ShouldAllBe(s => s.PhaseMix.ContainsKey("secondary"), "16-plus leads join the secondary leads");
    }

    [Fact]
    public void the_same_leads_give_the_same_proposal_in_any_order()
    {
        var leads = TwentyThreeAcrossPhases();
        var shuffled = leads.OrderBy(l => l.EnrolmentId.GetHashCode() ^ 0x5bd1e995).ToList();

        var first = SetMatcher.Match(leads, ["fac-b", "fac-a"]);
        var second = SetMatcher.Match(shuffled, ["fac-a", "fac-b"]);

        Describe(second).ShouldBe(Describe(first));
    }

    [Fact]
    public void four_leads_all_wait_and_say_why()
    {
        var leads = Enumerable.Range(0, 4).Select(i => Lead("primary", i)).ToList();

        var result = SetMatcher.Match(leads, ["fac-a"]);

        result.Sets.ShouldBeEmpty();
        result.Waiting.Select(w => w.EnrolmentId).ShouldBe(leads.Select(l => l.EnrolmentId), ignoreOrder: true);
        result.Waiting.ShouldAllBe(w => w.Reason == "fewerThanMinimum" && w.Detail.Contains("at least 5"));
    }

    [Fact]
    public void leads_of_one_cohort_are_spread_across_sets()
    {
        var leads = Enumerable.Range(0, 10).Select(i => Lead("secondary", i < 5 ? 0 : 1)).ToList();

        var result = SetMatcher.Match(leads, []);

        result.Sets.Count.ShouldBe(2);
        result.Sets.ShouldAllBe(s => s.Members.Select(m => m.CohortId).Distinct().Count() == 2);
    }

    [Fact]
    public void facilitators_are_assigned_round_robin()
    {
        var leads = Enumerable.Range(0, 18).Select(i => Lead("primary", i)).ToList();

        var result = SetMatcher.Match(leads, ["fac-b", "fac-a"]);

        result.Sets.Select(s => s.FacilitatorId).ShouldBe(["fac-a", "fac-b", "fac-a"]);
        result.Sets.Select(s => s.Members.Count).ShouldBe([6, 6, 6]);
    }

    [Fact]
    public void a_phase_too_small_for_a_set_joins_the_other_rather_than_waiting()
    {
        var leads = Enumerable.Range(0, 3).Select(i => Lead("primary", i)).Concat(Enumerable.Range(0, 7).Select(i => Lead("secondary", i))).ToList();

        var result = SetMatcher.Match(leads, []);

        result.Waiting.ShouldBeEmpty();
        result.Sets.Select(s => s.Members.Count).ShouldBe([5, 5]);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(16, 2)]
    [InlineData(17, 3)]
    [InlineData(23, 3)]
    public void as_few_sets_as_the_maximum_allows(int members, int sets) => SetMatcher.SetCount(members).ShouldBe(sets);

    private static List<string> Describe(MatchResult result) =>
        result.Sets.Select(s => $"{s.FacilitatorId}:{string.Join(",", s.Members.Select(m => m.EnrolmentId))}")
            .Concat(result.Waiting.Select(w => $"waiting:{w.EnrolmentId}:{w.Reason}")).ToList();
}
