using System.Net.Http.Json;

namespace Dsl.Tests.Enrolment;

public sealed class EnrolmentLifecycleTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    [Fact]
    public async Task a_head_enrols_a_lead_who_awaits_endorsement()
    {
        var urn = await Given.Setting();
        var cohort = await Given.Cohort();
        var head = App.Client("head", urn);

        var response = await Given.Submit(urn, cohort, client: head);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var enrolment = await Json(response);
        response.Headers.Location!.ToString().ShouldBe($"/api/enrolments/{enrolment["id"]}");
        enrolment["status"]!.GetValue<string>().ShouldBe("awaitingEndorsement");
        enrolment["lead"]!["email"]!.GetValue<string>().ShouldBe("sam.lee@example.org");
        enrolment["history"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_head_cannot_enrol_or_see_another_settings_enrolment()
    {
        var mine = await Given.Setting();
        var theirs = await Given.Setting();
        var cohort = await Given.Cohort();
        var theirEnrolment = await Given.Enrolment(theirs, cohort);
        var head = App.Client("head", mine);

        (await Given.Submit(theirs, cohort, client: head)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await head.GetAsync($"/api/enrolments/{theirEnrolment}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.Endorse(theirEnrolment, head)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.Client("lead", mine).GetAsync($"/api/enrolments/{theirEnrolment}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await Json(await head.GetAsync("/api/enrolments", Ct));
        list["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_closed_or_unknown_setting_cannot_enrol()
    {
        var closed = await Given.Setting(status: "closed");
        var cohort = await Given.Cohort();

        (await Given.Submit(closed, cohort)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var unknown = await Given.Submit("999998", cohort);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(unknown))["errors"]!["settingUrn"].ShouldNotBeNull();
        var noCohort = await Given.Submit(await Given.Setting(), Guid.NewGuid());
        (await Json(noCohort))["errors"]!["cohortId"].ShouldNotBeNull();
    }

    [Fact]
    public async Task a_second_active_enrolment_for_a_setting_is_a_409_naming_the_first()
    {
        var urn = await Given.Setting();
        var cohort = await Given.Cohort();
        var first = await Given.Enrolment(urn, cohort);

        var second = await Given.Submit(urn, cohort);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Json(second);
        problem["enrolmentId"]!.GetValue<Guid>().ShouldBe(first);
        problem["detail"]!.GetValue<string>().ShouldContain(first.ToString());
    }

    [Fact]
    public async Task concurrent_submissions_for_one_setting_create_one_enrolment()
    {
        var urn = await Given.Setting();
        var cohort = await Given.Cohort();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Given.Submit(urn, cohort, client: App.Client("admin"))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task endorsement_needs_both_confirmations_whatever_the_leads_role()
    {
        var id = await Given.Enrolment(await Given.Setting(), await Given.Cohort());

        var response = await Admin.PostAsJsonAsync($"/api/enrolments/{id}/endorsement", new
        {
            endorserName = "Alex Morgan", endorserRole = "Head teacher", confirmsIndividual = true, confirmsWholeSchoolApproachPlans = false,
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response))["errors"]!["confirmsWholeSchoolApproachPlans"].ShouldNotBeNull();
        (await Given.Get($"/api/enrolments/{id}"))["status"]!.GetValue<string>().ShouldBe("awaitingEndorsement");
    }

    [Fact]
    public async Task endorsement_confirms_a_place_and_the_lead_appears_in_curriculum_and_peer_network()
    {
        var urn = await Given.Setting(region: "north-west");
        var cohort = await Given.Cohort(capacity: 2, region: "north-west");
        var id = await Given.Enrolment(urn, cohort);

        var response = await Given.AndWait(() => Given.Endorse(id, App.Client("head", urn)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(response))["status"]!.GetValue<string>().ShouldBe("confirmed");
        var view = await Given.Get($"/api/cohorts/{cohort}");
        view["placesTaken"]!.GetValue<int>().ShouldBe(1);
        view["placesLeft"]!.GetValue<int>().ShouldBe(1);
        var progress = await Given.Get($"/api/curriculum/progress/{id}", App.Client("lead", urn));
        progress["phase"]!.GetValue<string>().ShouldBe("learning");
        progress["open"]!.GetValue<bool>().ShouldBeTrue();
        var member = await Given.Get($"/api/peer-network/members/{id}", App.Client("lead", urn));
        member["region"]!.GetValue<string>().ShouldBe("north-west");
    }

    [Fact]
    public async Task sixty_concurrent_endorsements_for_ten_places_confirm_ten_and_waitlist_fifty_in_endorsement_order()
    {
        var cohort = await Given.Cohort(capacity: 10);
        var ids = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 60)) ids.Add(await Given.Enrolment(await Given.Setting(), cohort));

        var responses = await Task.WhenAll(ids.Select(id => Given.Endorse(id, App.Client("admin"))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var enrolments = new List<(string Status, DateTimeOffset EndorsedAt)>();
        foreach (var id in ids)
        {
            var e = await Given.Get($"/api/enrolments/{id}");
            enrolments.Add((e["status"]!.GetValue<string>(), e["endorsement"]!["at"]!.GetValue<DateTimeOffset>()));
        }
        enrolments.Count(e => e.Status == "confirmed").ShouldBe(10);
        enrolments.Count(e => e.Status == "waitlisted").ShouldBe(50);
        var lastConfirmed = enrolments.Where(e => e.Status == "confirmed").Max(e => e.EndorsedAt);
        enrolments.Where(e => e.Status == "waitlisted").ShouldAllBe(e => e.EndorsedAt > lastConfirmed);
        var view = await Given.Get($"/api/cohorts/{cohort}");
        view["placesTaken"]!.GetValue<int>().ShouldBe(10);
        view["waitlistLength"]!.GetValue<int>().ShouldBe(50);
    }

    [Fact]
    public async Task the_year_cap_holds_across_cohorts_under_concurrency()
    {
        var year = await Given.Get("/api/academic-years/2022-23");
        var cap = new HttpRequestMessage(HttpMethod.Patch, "/api/academic-years/2022-23") { Content = Body(new { placeCap = 3 }) };
        cap.Headers.TryAddWithoutValidation("If-Match", $"\"{year["version"]}\"");
        (await Admin.SendAsync(cap, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var north = await Given.Cohort(capacity: 5, year: "2022-23", region: "north-west");
        var south = await Given.Cohort(capacity: 5, year: "2022-23", region: "south-west");
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++) ids.Add(await Given.Enrolment(await Given.Setting(), i % 2 == 0 ? north : south));

        await Task.WhenAll(ids.Select(id => Given.Endorse(id, App.Client("admin"))));

        var statuses = new List<string>();
        foreach (var id in ids) statuses.Add((await Given.Get($"/api/enrolments/{id}"))["status"]!.GetValue<string>());
        statuses.Count(s => s == "confirmed").ShouldBe(3);
        statuses.Count(s => s == "waitlisted").ShouldBe(5);
    }

    [Fact]
    public async Task a_replayed_idempotency_key_creates_one_enrolment()
    {
        var urn = await Given.Setting();
        var cohort = await Given.Cohort();
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/enrolments")
            {
                Content = Body(new { settingUrn = urn, lead = Programme.Lead(), cohortId = cohort, track = "full" }),
            };
            request.Headers.Add("Idempotency-Key", "enrol-" + urn);
            return request;
        }

        var first = await Admin.SendAsync(Request(), Ct);
        var retry = await Admin.SendAsync(Request(), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await Json(await Admin.GetAsync($"/api/enrolments?setting={urn}", Ct)))["items"]!.AsArray().Count.ShouldBe(1);
    }
}
