using Dsl.Awards.Awards;
using Dsl.Awards.Eligibility;
using Dsl.Awards.Journeys;

namespace Dsl.Rules.Tests.Awards;

public sealed class EligibilityRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly AwardCriteria Criteria = AwardCriteria.Current;

    private static ReportedSelfAssessment Assessment(string kind, int daysAfterStart, Func<string, int> level) =>
        new() { Id = Guid.NewGuid(), SettingUrn = "137000", Kind = kind, SubmittedAt = Start.AddDays(daysAfterStart), Levels = AwardCriteria.Elements.ToDictionary(e => e, level) };

    private static SettingJourney Journey(bool completed, params ReportedSelfAssessment[] assessments) =>
        new("137000", Guid.NewGuid(), Guid.NewGuid(), "london", "Oak Primary", completed ? Start.AddDays(200) : null, assessments);

    [Fact]
    public void a_setting_nobody_reported_on_meets_no_criterion_and_each_reason_says_why()
    {
        var result = EligibilityRules.ForAward("137000", null, Criteria);

        result.Eligible.ShouldBeFalse();
        result.Criteria.Select(c => (c.Code, c.Met)).ShouldBe([("embeddingCompleted", false), ("baselineAndReview", false), ("latestAtDeveloping", false)]);
        result.Criteria.ShouldAllBe(c => c.Reason.Length > 0);
    }

    [Fact]
    public void completed_embedding_a_baseline_and_a_review_all_at_developing_is_eligible()
    {
        var result = EligibilityRules.ForAward("137000", Journey(true, Assessment("baseline", 0, _ => 2), Assessment("review", 100, _ => 3)), Criteria);

        result.Eligible.ShouldBeTrue();
        result.CriteriaVersion.ShouldBe(Criteria.Version);
    }

    [Fact]
    public void the_latest_assessment_decides_the_levels_and_each_element_below_is_named()
    {
        var result = EligibilityRules.ForAward("137000", Journey(true, Assessment("baseline", 0, _ => 3),
            Assessment("review", 100, e => e is "student-voice" or "parents-and-carers" ? 2 : 4)), Criteria);

        result.Eligible.ShouldBeFalse();
        var levels = result.Criteria.Single(c => c.Code == "latestAtDeveloping");
        levels.Met.ShouldBeFalse();
        levels.Reason.ShouldContain("student-voice (2)");
        levels.Reason.ShouldContain("parents-and-carers (2)");
        levels.Reason.ShouldNotContain("staff-development");
    }

    [Fact]
    public void a_baseline_alone_is_not_enough()
    {
        var result = EligibilityRules.ForAward("137000", Journey(true, Assessment("baseline", 0, _ => 4)), Criteria);

        result.Unmet.Select(c => c.Code).ShouldBe(["baselineAndReview"]);
    }

    [Fact]
    public void a_renewal_needs_the_award_in_its_last_six_months_and_a_review_in_the_last_twelve()
    {
        var award = new Award { Id = Guid.NewGuid(), Status = AwardStatus.Active, ValidFrom = Start, ValidUntil = Start.AddYears(3) };
        var journey = Journey(true, Assessment("baseline", 0, _ => 3), Assessment("review", 900, _ => 3));

        EligibilityRules.ForRenewal("137000", journey, award, Criteria, Start.AddYears(3).AddMonths(-7)).Unmet.Select(c => c.Code)
            .ShouldBe(["awardInRenewalWindow"]);
        EligibilityRules.ForRenewal("137000", journey, award, Criteria, Start.AddYears(3).AddMonths(-5)).Eligible.ShouldBeTrue();
        EligibilityRules.ForRenewal("137000", Journey(true, Assessment("baseline", 0, _ => 3), Assessment("review", 100, _ => 3)), award, Criteria,
            Start.AddYears(3).AddMonths(-5)).Unmet.Select(c => c.Code).ShouldBe(["recentReviewAtDeveloping"]);
        EligibilityRules.ForRenewal("137000", journey, null, Criteria, Start).Unmet.Select(c => c.Code)
            .ShouldBe(["awardInRenewalWindow"]);
    }
}
