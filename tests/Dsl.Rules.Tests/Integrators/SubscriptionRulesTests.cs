using Dsl.Host.Integrators.Webhooks;

namespace Dsl.Rules.Tests.Integrators;

public sealed class SubscriptionRulesTests
{
    private static CreateSubscription Subscribe(params string[] regions) =>
        new("https://hooks.example.org/dsl", ["dsl.enrolment.cohort-scheduled.v1"], [.. regions], null);

    [Theory]
    [InlineData("london")]
    [InlineData("national")]
    public void a_subscription_filters_on_programme_regions_or_national_cohorts(string region) =>
        Subscribe(region).Validate().ShouldBeEmpty();

    [Fact]
    public void an_unknown_region_is_refused_naming_what_is_allowed()
    {
        var errors = Subscribe("london", "atlantis").Validate();

        errors.Keys.ShouldBe(["Regions"]);
        errors["Regions"].Single().ShouldContain("\"national\"");
    }
}
