using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace Dsl.Tests.PeerNetwork;

public sealed class NetworkMeetingTests(DslApp app) : ApiTest(app)
{
    private HttpClient As(string role, string? setting = null)
    {
        var client = App.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.Tokens.Issue(role, setting));
        return client;
    }

    [Fact]
    public async Task a_facilitator_schedules_a_meeting_the_regions_leads_answer_and_attendance_is_recorded()
    {
        var given = new Programme(App);
        var urn = await given.Setting(region: "london");
        var (enrolment, _) = await given.EndorsedEnrolment(urn, await given.Cohort());
        var facilitator = As("facilitator");
        var scheduled = await facilitator.PostAsJsonAsync("/api/peer-network/networks/london/meetings", new
        {
            title = "Reflective practice: whole-school approaches", startsAt = "2027-01-12T16:00:00+00:00", endsAt = "2027-01-12T17:30:00+00:00",
            linkOrVenue = "https://meet.example.org/london", topic = "Staff wellbeing", elementCodes = new[] { "E3" },
        }, Ct);
        scheduled.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await Json(scheduled))["id"]!.GetValue<Guid>();
        var lead = As("lead", urn);

        var answered = await lead.PutAsJsonAsync($"/api/peer-network/networks/london/meetings/{id}/rsvp", new { going = true }, Ct);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(answered))["going"]!.GetValue<int>().ShouldBe(1);
        (await As("lead", await given.Setting(region: "north-west")).PutAsJsonAsync($"/api/peer-network/networks/london/meetings/{id}/rsvp",
            new { going = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a lead of another region");
        (await lead.GetAsync("/api/peer-network/networks/north-west/meetings", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var recorded = await facilitator.PutAsJsonAsync($"/api/peer-network/networks/london/meetings/{id}/attendance", new { attended = new[] { enrolment } }, Ct);
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await Json(await lead.GetAsync("/api/peer-network/networks/london/meetings", Ct)))["items"]!.AsArray().Single()!;
        listed["attended"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(enrolment);
    }

    private async Task<(string Urn, Guid Meeting)> MeetingInSouthWest()
    {
        var given = new Programme(App);
        var urn = await given.Setting(region: "south-west");
        await given.EndorsedEnrolment(urn, await given.Cohort());
        var scheduled = await As("facilitator").PostAsJsonAsync("/api/peer-network/networks/south-west/meetings", new
        {
            title = "Reflective practice: talking to parents", startsAt = "2027-04-06T15:30:00+00:00", endsAt = "2027-04-06T17:00:00+00:00",
            linkOrVenue = "https://meet.example.org/south-west", topic = "Engaging parents and carers", elementCodes = new[] { "E5" },
        }, Ct);
        scheduled.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (urn, (await Json(scheduled))["id"]!.GetValue<Guid>());
    }

    private async Task<CalendarEvent> MeetingIn(HttpResponseMessage response, Guid meeting)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var ics = await response.Content.ReadAsStringAsync(Ct);
        ics.ShouldNotContain("ATTENDEE", Case.Insensitive, "a feed is a schedule, never who is going");
        return Calendar.Load(ics)!.Events.Single(e => e.Uid == $"network-meeting-{meeting}@dsl");
    }

    [Fact]
    public async Task a_networks_meetings_are_a_calendar_feed_for_its_leads_and_facilitators()
    {
        var (urn, meeting) = await MeetingInSouthWest();

        var shown = await MeetingIn(await As("lead", urn).GetAsync("/api/peer-network/networks/south-west/calendar.ics", Ct), meeting);

        shown.Summary.ShouldBe("Reflective practice: talking to parents");
        shown.DtStart!.TzId.ShouldBe("Europe/London");
        shown.DtStart.Value.ShouldBe(new DateTime(2027, 4, 6, 16, 30, 0), "15:30Z is 16:30 in British Summer Time");
        shown.Url.ShouldBe(new Uri("https://meet.example.org/south-west"));
        shown.Description!.ShouldContain("Engaging parents and carers");
        await MeetingIn(await As("facilitator").GetAsync("/api/peer-network/networks/south-west/calendar.ics", Ct), meeting);
        (await As("lead", await new Programme(App).Setting(region: "london")).GetAsync("/api/peer-network/networks/south-west/calendar.ics", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "a lead of another region");
        (await As("head", urn).GetAsync("/api/peer-network/networks/south-west/calendar.ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_private_network_calendar_link_works_without_a_token_until_revoked()
    {
        var (urn, meeting) = await MeetingInSouthWest();
        var lead = App.Client("lead", urn);

        var created = await lead.PostAsync("/api/peer-network/networks/south-west/calendar-links", null, Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var link = await Json(created);
        var url = new Uri(link["url"]!.GetValue<string>());
        url.AbsolutePath.ShouldStartWith("/peer-network/calendar/");
        var anonymous = App.Client(null);
        await MeetingIn(await anonymous.GetAsync(url.PathAndQuery, Ct), meeting);
        (await As("lead", await new Programme(App).Setting(region: "london")).PostAsync("/api/peer-network/networks/south-west/calendar-links", null, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "only those who may read the meetings make a link to them");

        var id = link["id"]!.GetValue<Guid>();
        (await As("facilitator").DeleteAsync($"/api/peer-network/calendar-links/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound,
            "only its maker or an admin revokes it");
        (await lead.DeleteAsync($"/api/peer-network/calendar-links/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetAsync(url.PathAndQuery, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/peer-network/calendar/" + new string('A', 43) + ".ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
