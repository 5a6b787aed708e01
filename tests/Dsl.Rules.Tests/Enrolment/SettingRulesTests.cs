using Dsl.BuildingBlocks.Programme;
using Dsl.Enrolment.Settings;
using Dsl.Enrolment.Settings.Import;

namespace Dsl.Rules.Tests.Enrolment;

public sealed class SettingRulesTests
{
    [Theory]
    [InlineData("137000", true)]
    [InlineData("100000", true)]
    [InlineData("012345", false)]
    [InlineData("13700", false)]
    [InlineData("1370000", false)]
    [InlineData("13700a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void a_urn_is_six_digits_not_starting_with_zero(string? urn, bool valid) => Urns.IsValid(urn).ShouldBe(valid);

    [Fact]
    public void only_independent_schools_self_fund()
    {
        Setting.FundingOf(SettingType.IndependentSchool).ShouldBe(Funding.Independent);
        Setting.FundingOf(SettingType.IndependentSpecialSchool).ShouldBe(Funding.Independent);
        Enum.GetValues<SettingType>().Except(Setting.IndependentTypes)
            .ShouldAllBe(t => Setting.FundingOf(t) == Funding.StateFunded);
    }

    [Fact]
    public void a_registration_names_each_invalid_field()
    {
        var errors = new RegisterSetting("1370", "2000", "", null, null, "", "wales", null).Validate();

        errors.Keys.ShouldBe(["Urn", "Ukprn", "Name", "Type", "Phase", "LocalAuthority", "Region"], ignoreOrder: true);
        errors["Ukprn"].ShouldContain("ukprn must be an 8-digit UK provider reference number starting with 1.");
        new RegisterSetting("137000", "10012345", "Oak Academy", SettingType.Academy, SettingPhase.Primary, "Camden", "london", null)
            .Validate().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("North East", "north-east-and-yorkshire")]
    [InlineData("Yorkshire and the Humber", "north-east-and-yorkshire")]
    [InlineData("west midlands", "midlands")]
    [InlineData(" London ", "london")]
    [InlineData("Wales (pseudo)", null)]
    public void gias_regions_fold_into_the_programmes_seven(string governmentOfficeRegion, string? region) =>
        GiasMapping.Region(governmentOfficeRegion).ShouldBe(region);

    [Fact]
    public void gias_establishment_types_map_or_say_why_not()
    {
        GiasMapping.Type("Academy converter", "").ShouldBe((SettingType.Academy, null));
        GiasMapping.Type("Further education", "Sixth Form Colleges").ShouldBe((SettingType.SixthFormCollege, null));
        GiasMapping.Type("Further education", "General FE and Tertiary").ShouldBe((SettingType.FeCollege, null));
        GiasMapping.Type("Welsh establishment", "").ShouldBe((null, "establishments in Wales are outside the programme"));
        GiasMapping.Type("Space academy", "").Problem.ShouldBe("establishment type 'Space academy' is not one DSL knows");
    }

    [Fact]
    public void gias_phases_and_statuses()
    {
        GiasMapping.Phase("Middle deemed secondary").ShouldBe(SettingPhase.Secondary);
        GiasMapping.Phase("").ShouldBe(SettingPhase.NotApplicable);
        GiasMapping.Phase("Tertiary").ShouldBeNull();
        GiasMapping.Status("Open, but proposed to close").ShouldBe(SettingStatus.Open);
        GiasMapping.Status("Proposed to open").ShouldBe(SettingStatus.Closed);
    }
}
