using System.Security.Claims;
using Dsl.BuildingBlocks.Programme;
using Dsl.BuildingBlocks.Security;

namespace Dsl.Tests.Security;

/// <summary>The programme-wide rules in BuildingBlocks, as pure functions (no host needed).</summary>
public sealed class SettingAccessTests
{
    private static ClaimsPrincipal User(string role, string? setting = null, string subject = "someone") =>
        new(new ClaimsIdentity(
            new[] { new Claim("role", role), new Claim(DslClaims.Subject, subject) }
                .Concat(setting is null ? [] : [new Claim(DslClaims.Setting, setting)]),
            "test", "name", "role"));

    [Fact]
    public void heads_and_leads_see_only_their_own_settings_records()
    {
        SettingAccess.CanSee(User(Roles.Head, "137000"), "137000").ShouldBeTrue();
        SettingAccess.CanSee(User(Roles.Lead, "137000"), "137000").ShouldBeTrue();
        SettingAccess.CanSee(User(Roles.Head, "137000"), "137001").ShouldBeFalse();
        SettingAccess.CanSee(User(Roles.Lead), "137000").ShouldBeFalse("a lead's token without a setting sees nothing");
        SettingAccess.CanSee(User(Roles.Admin), "137001").ShouldBeTrue();
        SettingAccess.CanSee(User(Roles.Assessor), "137001").ShouldBeTrue("other roles the endpoint admits see all");
    }

    [Fact]
    public void facilitators_see_the_records_of_the_cohorts_they_run()
    {
        var facilitator = User(Roles.Facilitator, subject: "facilitator-london");
        SettingAccess.CanSee(facilitator, "137000").ShouldBeTrue("the module knows no cohort facilitator");
        SettingAccess.CanSee(facilitator, "137000", "facilitator-london").ShouldBeTrue();
        SettingAccess.CanSee(facilitator, "137000", "facilitator-north-west").ShouldBeFalse();
        SettingAccess.CanSee(facilitator, "137000", null).ShouldBeFalse("a cohort without a facilitator");
        SettingAccess.CanSee(User(Roles.Admin), "137000", null).ShouldBeTrue();
        SettingAccess.CanSee(User(Roles.Head, "137000"), "137000", "facilitator-london").ShouldBeTrue();
    }

    [Fact]
    public void a_hidden_record_gets_the_same_404_as_a_missing_one()
    {
        var other = SettingAccess.Check(User(Roles.Head, "137000"), "137001", "There is no thing 1.");
        var missing = SettingAccess.Check(User(Roles.Admin), null, "There is no thing 1.");
        other.Status.ShouldBe(404);
        missing.Status.ShouldBe(404);
        other.Detail.ShouldBe(missing.Detail);
        other.Type.ShouldBe(missing.Type);
        SettingAccess.Check(User(Roles.Head, "137000"), "137000", "There is no thing 1.").ShouldBeSameAs(Wolverine.Http.WolverineContinue.NoProblems);
    }

    [Fact]
    public void only_the_settings_head_or_an_admin_acts_for_it()
    {
        SettingAccess.CanActFor(User(Roles.Head, "137000"), "137000").ShouldBeTrue();
        SettingAccess.CanActFor(User(Roles.Lead, "137000"), "137000").ShouldBeFalse();
        SettingAccess.CanActFor(User(Roles.Head, "137000"), "137001").ShouldBeFalse();
        SettingAccess.CanActFor(User(Roles.Admin), "137001").ShouldBeTrue();
    }

    [Fact]
    public void urns_and_government_office_regions_follow_the_programme()
    {
        Urns.IsValid("137000").ShouldBeTrue();
        Urns.IsValid("037000").ShouldBeFalse();
        Urns.IsValid("13700").ShouldBeFalse();
        Urns.IsValid("13700a").ShouldBeFalse();
        ProgrammeRegions.All.Count.ShouldBe(7);
        ProgrammeRegions.All.SelectMany(r => r.GovernmentOfficeRegions).Count().ShouldBe(9, "England's nine GORs, each in one region");
        ProgrammeRegions.ForGovernmentOfficeRegion(" yorkshire and the humber ")!.Code.ShouldBe("north-east-and-yorkshire");
        ProgrammeRegions.ForGovernmentOfficeRegion("Wales").ShouldBeNull();
    }
}
