using Dsl.Assessment.ActionPlans;
using Dsl.Assessment.Contracts;
using Dsl.Assessment.Enrolments;
using Dsl.Assessment.Framework;
using Dsl.Assessment.Progress;
using Dsl.Assessment.Provision;
using Dsl.Assessment.SelfAssessments;
using Wolverine;

namespace Dsl.Rules.Tests.Assessment;

public sealed class AssessmentRulesTests
{
    private static readonly IReadOnlyList<string> Codes = SeedSelfAssessmentFramework.ElementCodes;

    private static SelfAssessment Rated(Approach approach, int count) => new()
    {
        Approach = approach,
        Elements = Codes.Take(count).ToDictionary(c => c, c => approach == Approach.WholeSchool
            ? new ElementRating(2, "In place", null, null, null)
            : new ElementRating(1, null, "A need", NeedPriority.High, null)),
    };

    [Fact]
    public void the_framework_file_has_eight_elements_with_three_to_six_prompts_and_four_descriptors()
    {
        var file = SeedSelfAssessmentFramework.Load();
        file.Elements.Count.ShouldBe(8);
        file.Scale.Select(s => s.Code).ShouldBe(["notYetStarted", "emerging", "developing", "embedded"]);
        foreach (var element in file.Elements)
        {
            element.Prompts.Count.ShouldBeInRange(3, 6, element.Code);
            element.Descriptors.Keys.Order().ToList().ShouldBe(new List<string> { "developing", "embedded", "emerging", "notYetStarted" }, element.Code);
        }
    }

    [Fact]
    public void submitting_needs_every_element_with_evidence_or_a_need_and_priority()
    {
        SelfAssessmentRules.SubmitGaps(Rated(Approach.WholeSchool, 8), Codes).ShouldBeEmpty();
        SelfAssessmentRules.SubmitGaps(Rated(Approach.None, 8), Codes).ShouldBeEmpty();
        SelfAssessmentRules.SubmitGaps(Rated(Approach.WholeSchool, 6), Codes).Keys
            .ShouldBe(["elements.targeted-support-and-referrals", "elements.parents-and-carers"]);

        var noEvidence = Rated(Approach.WholeSchool, 8);
        noEvidence.Elements["student-voice"] = new ElementRating(3, " ", null, null, null);
        SelfAssessmentRules.SubmitGaps(noEvidence, Codes).Keys.ShouldBe(["elements.student-voice"]);

        var noPriority = Rated(Approach.None, 8);
        noPriority.Elements["student-voice"] = new ElementRating(1, null, "A need", null, null);
        SelfAssessmentRules.SubmitGaps(noPriority, Codes).Keys.ShouldBe(["elements.student-voice"]);
    }

    [Fact]
    public void a_needs_assessment_rates_at_level_one_and_notes_name_real_prompts()
    {
        var element = SeedSelfAssessmentFramework.Load().Elements.First();
        SelfAssessmentRules.RatingProblem(Approach.None, new RateElement(2, null, "n", NeedPriority.Low, null), element).ShouldNotBeNull();
        SelfAssessmentRules.RatingProblem(Approach.None, new RateElement(1, null, "n", NeedPriority.Low, null), element).ShouldBeNull();
        SelfAssessmentRules.RatingProblem(Approach.WholeSchool,
            new RateElement(3, "e", null, null, new() { [element.Prompts[0].Id] = "note" }), element).ShouldBeNull();
        SelfAssessmentRules.RatingProblem(Approach.WholeSchool, new RateElement(3, "e", null, null, new() { ["nope"] = "note" }), element)
            .ShouldNotBeNull().ShouldContain("nope");
    }

    [Fact]
    public void the_first_submission_is_the_baseline_and_later_ones_reviews()
    {
        SelfAssessmentRules.KindFor(0).ShouldBe(SelfAssessmentKind.Baseline);
        SelfAssessmentRules.KindFor(1).ShouldBe(SelfAssessmentKind.Review);
    }

    [Fact]
    public void an_action_plan_names_each_element_without_action_and_each_incomplete_action()
    {
        var plan = new ActionPlan
        {
            Actions =
            [
                new PlanAction { Id = Guid.NewGuid(), ElementCode = "student-voice" },
                new PlanAction
                {
                    Id = Guid.NewGuid(), ElementCode = "ethos-and-environment", Owner = new ActionOwner("Deputy head", null),
                    DueOn = new DateOnly(2027, 1, 1), Stakeholders = [new Stakeholder(StakeholderKind.Governors, null)],
                },
                new PlanAction { Id = Guid.NewGuid(), ElementCode = "parents-and-carers", Status = ActionStatus.Dropped },
            ],
            NoActionNeeded = new() { ["curriculum-teaching"] = "Already in PSHE" },
        };

        var gaps = ActionPlanRules.SubmitGaps(plan, Codes);

        gaps.Keys.Order().ShouldBe(new[]
        {
            "actions[0].dueOn", "actions[0].owner", "actions[0].stakeholders",
            "elements.identifying-need-and-impact", "elements.leadership-and-management", "elements.parents-and-carers",
            "elements.staff-development", "elements.targeted-support-and-referrals",
        }.Order());
        ActionPlanRules.ActionCounts(plan, Codes)["parents-and-carers"].ShouldBe(0);
        ActionPlanRules.ActionCounts(plan, Codes)["student-voice"].ShouldBe(1);
    }

    [Fact]
    public void an_action_is_overdue_past_its_date_unless_done_or_dropped()
    {
        var today = new DateOnly(2027, 2, 1);
        ActionPlanRules.IsOverdue(new PlanAction { DueOn = new DateOnly(2027, 1, 31) }, today).ShouldBeTrue();
        ActionPlanRules.IsOverdue(new PlanAction { DueOn = today }, today).ShouldBeFalse();
        ActionPlanRules.IsOverdue(new PlanAction { DueOn = new DateOnly(2027, 1, 31), Status = ActionStatus.Done }, today).ShouldBeFalse();
        ActionPlanRules.IsOverdue(new PlanAction { DueOn = new DateOnly(2027, 1, 31), Status = ActionStatus.Dropped }, today).ShouldBeFalse();
        ActionPlanRules.IsOverdue(new PlanAction(), today).ShouldBeFalse();
    }

    [Fact]
    public void only_changes_after_agreement_are_revisions()
    {
        var plan = new ActionPlan { Status = ActionPlanStatus.Draft };
        var action = new PlanAction { Id = Guid.NewGuid(), ElementCode = "student-voice" };
        ActionPlanRules.RecordRevision(plan, Given.Now, "actionAdded", action);
        plan.Revisions.ShouldBeEmpty();
        plan.Status = ActionPlanStatus.Agreed;
        ActionPlanRules.RecordRevision(plan, Given.Now, "actionDropped", action);
        plan.Revisions.Single().ShouldBe(new PlanRevision(1, Given.Now, "actionDropped", action.Id, "student-voice"));
    }

    [Fact]
    public void in_embedding_a_review_falls_due_an_interval_after_the_last_submission()
    {
        var enrolment = new AssessedEnrolment { Id = Guid.NewGuid(), InEmbedding = true, ReviewOverdue = true };
        var messages = new OutgoingMessages();

        ReviewSchedule.Next(enrolment, Given.Now, TimeSpan.FromDays(91), messages);

        enrolment.NextReviewDue.ShouldBe(Given.Now.AddDays(91));
        enrolment.ReviewOverdue.ShouldBeFalse();
        messages.ShouldHaveSingleItem();

        var learning = new AssessedEnrolment { Id = Guid.NewGuid() };
        ReviewSchedule.Next(learning, Given.Now, TimeSpan.FromDays(91), messages = new OutgoingMessages());
        learning.NextReviewDue.ShouldBeNull();
        messages.ShouldBeEmpty();
    }

    [Fact]
    public void provision_gaps_are_the_element_tiers_no_service_covers()
    {
        var services = new[]
        {
            new LocalService(Guid.NewGuid(), "MHST", ServiceKind.Mhst, ProvisionTier.Targeted, null, null,
                ["targeted-support-and-referrals", "identifying-need-and-impact"], null, null),
        };

        var gaps = ProvisionRules.Gaps(services, Codes);

        gaps.Count.ShouldBe(22);
        gaps.ShouldNotContain(new ProvisionGap("targeted-support-and-referrals", ProvisionTier.Targeted));
        gaps.ShouldContain(new ProvisionGap("targeted-support-and-referrals", ProvisionTier.Specialist));
    }

    [Fact]
    public void the_progress_picture_compares_baseline_with_latest_and_describes_itself()
    {
        var elements = SeedSelfAssessmentFramework.Load().Elements;
        SelfAssessment Submitted(int days, int level, SelfAssessmentKind kind) => new()
        {
            Status = SelfAssessmentStatus.Submitted, Kind = kind, SubmittedAt = Given.Now.AddDays(days),
            Elements = Codes.ToDictionary(c => c, _ => new ElementRating(level, "e", null, null, null)),
        };

        var picture = ProgressRules.Build("137000", elements, [Submitted(90, 3, SelfAssessmentKind.Review), Submitted(0, 1, SelfAssessmentKind.Baseline)]);

        picture.OverallBaseline.ShouldBe(1);
        picture.OverallLatest.ShouldBe(3);
        picture.Elements.ShouldAllBe(e => e.Change == 2 && e.Series.Count == 2);
        var description = ProgressChart.Describe(picture);
        foreach (var element in elements) description.ShouldContain($"{element.Title}: baseline 1, latest 3 (up 2)");
    }
}
