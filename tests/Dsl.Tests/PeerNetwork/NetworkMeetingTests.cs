using System.Net.Http.Headers;
using System.Net.Http.Json;

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
}
