using Dsl.Enrolment.Cohorts;
using Dsl.Enrolment.Contracts;

namespace Dsl.Rules.Tests.Enrolment;

public sealed class CohortRulesTests
{
    private static CreateCohort Create(string region = "london", int? capacity = 20) =>
        new("2026-27", region, DeliveryMode.Blended, "London autumn", new DateOnly(2026, 10, 5), capacity, "facilitator-london");

    [Theory]
    [InlineData("london")]
    [InlineData("north-east-and-yorkshire")]
    [InlineData("national")]
    public void a_cohort_is_regional_or_national(string region) => Create(region).Validate().ShouldBeEmpty();

    [Fact]
    public void an_unknown_region_is_refused_with_the_allowed_ones()
    {
        var errors = Create("wales").Validate();

        errors.Keys.ShouldBe(["Region"]);
        errors["Region"].Single().ShouldStartWith("region must be \"national\" or one of: ");
        errors["Region"].Single().ShouldContain("south-west");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void capacity_is_between_one_and_a_thousand(int capacity, bool valid) =>
        Create(capacity: capacity).Validate().ContainsKey("Capacity").ShouldBe(!valid);

    [Fact]
    public void a_change_checks_only_the_fields_it_names()
    {
        new ChangeCohort(null, null, null, null, null, null).Validate().ShouldBeEmpty();
        new ChangeCohort("", null, null, 0, null, "wales").Validate().Keys.ShouldBe(["Name", "Capacity", "Region"], ignoreOrder: true);
    }

    [Fact]
    public void creating_a_cohort_schedules_it_for_every_module_with_all_its_facts()
    {
        var (created, _, announced, scheduled) = CreateCohortEndpoint.Post(Create(), Given.Clock(), Given.Response());

        var cohort = created.Value!;
        scheduled.ShouldBe(new CohortScheduled
        {
            EventId = scheduled.EventId, OccurredAt = Given.Now, Region = "london", CohortId = cohort.Id,
            AcademicYear = "2026-27", DeliveryMode = "blended", Name = "London autumn", StartsOn = new DateOnly(2026, 10, 5),
            Capacity = 20, FacilitatorId = "facilitator-london", Revision = 1,
        });
        ((Dsl.BuildingBlocks.Contracts.IIntegrationEvent)scheduled).Subject.ShouldBe(cohort.Id.ToString());
        // Marked as announced in the same transaction, so the start-up catch-up never publishes it again.
        ((AnnouncedCohort)((Wolverine.Marten.InsertDoc<AnnouncedCohort>)announced).Document).Id.ShouldBe(cohort.Id);
    }

    [Fact]
    public void a_cohort_change_is_published_only_when_a_published_fact_changed()
    {
        var cohort = new Cohort
        {
            Id = Guid.CreateVersion7(), AcademicYearId = "2026-27", Region = "london", DeliveryMode = DeliveryMode.Virtual,
            Name = "London", StartsOn = new DateOnly(2026, 10, 5), Capacity = 20, Version = 3,
        };
        var before = CohortAnnouncements.Facts(cohort);

        cohort.Version = 4;
        CohortAnnouncements.Facts(cohort).ShouldBe(before, "the revision alone is no change to announce");
        cohort.FacilitatorId = "facilitator-london";
        CohortAnnouncements.Facts(cohort).ShouldNotBe(before);
        new CohortChanged().Describe(cohort, Given.Now).ShouldSatisfyAllConditions(
            e => e.FacilitatorId.ShouldBe("facilitator-london"),
            e => e.DeliveryMode.ShouldBe("virtual"),
            e => e.Revision.ShouldBe(4));
    }
}
