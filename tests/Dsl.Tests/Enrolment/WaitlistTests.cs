using System.Net.Http.Json;
using Dsl.Enrolment.Placement;
using Wolverine.Tracking;

namespace Dsl.Tests.Enrolment;

public sealed class WaitlistTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    private async Task<string> Status(Guid id) => (await Given.Get($"/api/enrolments/{id}"))["status"]!.GetValue<string>();

    private Task<HttpResponseMessage> Withdraw(Guid id, string reason = "leadLeft") =>
        Given.AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{id}/withdrawal", new { reason }, Ct));

    [Fact]
    public async Task withdrawal_offers_the_place_to_the_next_in_line_and_removes_the_lead_elsewhere()
    {
        var cohort = await Given.Cohort(capacity: 1);
        var first = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var second = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var third = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        (first.Status, second.Status, third.Status).ShouldBe(("confirmed", "waitlisted", "waitlisted"));

        var withdrawal = await Withdraw(first.Id);

        withdrawal.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(withdrawal))["status"]!.GetValue<string>().ShouldBe("withdrawn");
        var offered = await Given.Get($"/api/enrolments/{second.Id}");
        offered["status"]!.GetValue<string>().ShouldBe("placeOffered");
        offered["offer"]!["expiresAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(App.Clock.GetUtcNow().AddDays(6));
        (await Status(third.Id)).ShouldBe("waitlisted");
        (await Admin.GetAsync($"/api/peer-network/members/{first.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.Get($"/api/curriculum/progress/{first.Id}"))["open"]!.GetValue<bool>().ShouldBeFalse();

        var accepted = await Given.AndWait(() => Admin.PostAsync($"/api/enrolments/{second.Id}/offer/accept", null, Ct));

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Status(second.Id)).ShouldBe("confirmed");
        (await Admin.GetAsync($"/api/peer-network/members/{second.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Given.Get($"/api/cohorts/{cohort}"))["placesTaken"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task declining_or_letting_an_offer_expire_moves_it_to_the_next()
    {
        var cohort = await Given.Cohort(capacity: 1);
        var holder = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var decliner = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var sleeper = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var last = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        await Withdraw(holder.Id);

        var declined = await Given.AndWait(() => Admin.PostAsync($"/api/enrolments/{decliner.Id}/offer/decline", null, Ct));

        declined.StatusCode.ShouldBe(HttpStatusCode.OK, await declined.Content.ReadAsStringAsync(Ct));
        (await Status(decliner.Id)).ShouldBe("withdrawn");
        var offer = (await Given.Get($"/api/enrolments/{sleeper.Id}"))["offer"]!["offerId"]!.GetValue<Guid>();

        await App.Host.InvokeMessageAndWaitAsync(new ExpirePlaceOffer(sleeper.Id, offer));

        (await Status(sleeper.Id)).ShouldBe("waitlisted");
        (await Status(last.Id)).ShouldBe("placeOffered");
    }

    [Fact]
    public async Task an_offer_cannot_be_accepted_after_it_expired()
    {
        var cohort = await Given.Cohort(capacity: 1);
        var holder = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var next = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        await Withdraw(holder.Id);
        App.Clock.Advance(TimeSpan.FromDays(8));

        var late = await Admin.PostAsync($"/api/enrolments/{next.Id}/offer/accept", null, Ct);

        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(late))["detail"]!.GetValue<string>().ShouldContain("expired");
    }

    [Fact]
    public async Task independent_settings_are_placed_after_every_state_funded_setting_waiting()
    {
        var cohort = await Given.Cohort(capacity: 1);
        var holder = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var independent = await Given.EndorsedEnrolment(await Given.Setting(type: "independentSchool"), cohort);
        var stateFunded = await Given.EndorsedEnrolment(await Given.Setting(type: "maintainedSchool"), cohort);

        await Withdraw(holder.Id);

        (await Status(stateFunded.Id)).ShouldBe("placeOffered");
        (await Status(independent.Id)).ShouldBe("waitlisted");
    }

    [Fact]
    public async Task an_independent_setting_waits_even_with_room_while_a_state_funded_setting_is_waiting()
    {
        var cohort = await Given.Cohort(capacity: 1);
        var holder = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var stateFunded = await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        var independentId = await Given.Enrolment(await Given.Setting(type: "independentSchool"), cohort);

        var raise = new HttpRequestMessage(HttpMethod.Patch, $"/api/cohorts/{cohort}") { Content = Body(new { capacity = 2 }) };
        raise.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await Given.AndWait(() => Admin.SendAsync(raise, Ct))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Status(stateFunded.Id)).ShouldBe("placeOffered");
        (await Json(await Given.AndWait(() => Given.Endorse(independentId))))["status"]!.GetValue<string>().ShouldBe("waitlisted");
        (await Status(holder.Id)).ShouldBe("confirmed");
    }

    [Fact]
    public async Task capacity_cannot_drop_below_the_places_taken()
    {
        var cohort = await Given.Cohort(capacity: 3);
        await Given.EndorsedEnrolment(await Given.Setting(), cohort);
        await Given.EndorsedEnrolment(await Given.Setting(), cohort);

        var shrink = new HttpRequestMessage(HttpMethod.Patch, $"/api/cohorts/{cohort}") { Content = Body(new { capacity = 1 }) };
        shrink.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await Admin.SendAsync(shrink, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(response))["detail"]!.GetValue<string>().ShouldContain("2 places");
    }
}
