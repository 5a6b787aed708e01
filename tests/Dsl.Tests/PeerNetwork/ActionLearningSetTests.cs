using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dsl.Enrolment.Contracts;
using Dsl.PeerNetwork.Contracts;
using Wolverine.Tracking;

namespace Dsl.Tests.PeerNetwork;

public sealed class ActionLearningSetTests(DslApp app) : ApiTest(app)
{
    private const string Region = "london";
    private Programme? _given;
    private Programme Given => _given ??= new Programme(App);

    private HttpClient As(string role, string? setting = null, string? subject = null)
    {
        var client = App.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.Tokens.Issue(role, setting, subject: subject));
        return client;
    }

    /// <summary>Confirmed leads in the region, one per setting, of the phases given, spread over two cohorts.</summary>
    private async Task<List<(Guid Id, string Urn, string Phase)>> Leads(params string[] phases)
    {
        var cohorts = new[] { await Given.Cohort(capacity: 30, facilitatorId: "fac-1"), await Given.Cohort(capacity: 30, facilitatorId: "fac-2") };
        var leads = new List<(Guid, string, string)>();
        for (var i = 0; i < phases.Length; i++)
        {
            var urn = await Given.Setting(phase: phases[i], region: Region);
            var (id, status) = await Given.EndorsedEnrolment(urn, cohorts[i % 2]);
            status.ShouldBe("confirmed");
            leads.Add((id, urn, phases[i]));
        }
        return leads;
    }

    private async Task<(Guid SetId, List<(Guid Id, string Urn, string Phase)> Members, HttpClient Facilitator)> FiveLeadSet()
    {
        var leads = await Leads("primary", "primary", "primary", "primary", "primary");
        var facilitator = As("facilitator", subject: "fac-9");
        var created = await facilitator.PostAsJsonAsync("/api/peer-network/sets", new
        {
            name = "Camden primaries", region = Region, delivery = "virtual", cadenceWeeks = 6,
            firstSessionAt = "2026-12-07T16:00:00+00:00", sessionCount = 5, linkOrVenue = "https://meet.example.org/alsx",
            members = leads.Select(l => l.Id),
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return ((await Json(created))["id"]!.GetValue<Guid>(), leads, facilitator);
    }

    [Fact]
    public async Task matching_proposes_phase_sets_the_same_way_twice_and_accepting_forms_sets_members_see_only_their_own()
    {
        var leads = await Leads([.. Enumerable.Repeat("primary", 6), .. Enumerable.Repeat("secondary", 6)]);

        var first = await Json(await Admin.PostAsJsonAsync("/api/peer-network/sets/matching", new { region = Region }, Ct));
        var second = await Admin.PostAsJsonAsync("/api/peer-network/sets/matching", new { region = Region }, Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await Json(second);

        var sets = first["sets"]!.AsArray();
        sets.Count.ShouldBe(2);
        sets.ShouldAllBe(s => s!["phaseMix"]!.AsObject().Count == 1, "primary and secondary leads are matched apart");
        sets.Select(s => s!["facilitatorId"]!.GetValue<string>()).ShouldBe(["fac-1", "fac-2"]);
        again["sets"]!.ToJsonString().ShouldBe(first["sets"]!.ToJsonString());
        first["waiting"]!.AsArray().ShouldBeEmpty();

        var tracked = await App.Host.ExecuteAndWaitAsync(async () =>
            (await Admin.PostAsync($"/api/peer-network/sets/matching/{first["id"]}/accept", null, Ct)).EnsureSuccessStatusCode());
        tracked.PublishedEvents<ActionLearningSetFormed>().Select(f => f.MemberCount).ShouldBe([6, 6]);

        var formed = (await Given.Get($"/api/peer-network/sets?region={Region}"))["items"]!.AsArray();
        formed.Count.ShouldBe(2);
        var mine = formed.Single(s => s!["members"]!.AsArray().Any(m => m!["enrolmentId"]!.GetValue<Guid>() == leads[0].Id))!;
        var theirs = formed.Single(s => s != mine)!;
        var lead = As("lead", leads[0].Urn);
        (await lead.GetAsync($"/api/peer-network/sets/{mine["id"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.GetAsync($"/api/peer-network/sets/{theirs["id"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(await lead.GetAsync("/api/peer-network/sets", Ct)))["items"]!.AsArray().Single()!["id"]!.GetValue<Guid>()
            .ShouldBe(mine["id"]!.GetValue<Guid>());
        var rematch = await Json(await Admin.PostAsJsonAsync("/api/peer-network/sets/matching", new { region = Region }, Ct));
        rematch["sets"]!.AsArray().ShouldBeEmpty("everyone is in a set now");
    }

    [Fact]
    public async Task four_leads_are_all_waiting()
    {
        var leads = await Leads("primary", "secondary", "allThrough", "primary");

        var proposal = await Json(await Admin.PostAsJsonAsync("/api/peer-network/sets/matching", new { region = Region }, Ct));

        proposal["sets"]!.AsArray().ShouldBeEmpty();
        proposal["waiting"]!.AsArray().Select(w => w!["enrolmentId"]!.GetValue<Guid>()).ShouldBe(leads.Select(l => l.Id), ignoreOrder: true);
        proposal["waiting"]!.AsArray().ShouldAllBe(w => w!["reason"]!.GetValue<string>() == "fewerThanMinimum");
    }

    [Fact]
    public async Task presenters_rotate_and_open_actions_are_carried_to_the_next_agenda_until_done()
    {
        var (setId, members, facilitator) = await FiveLeadSet();
        var lead = As("lead", members[0].Urn);
        var agenda1 = await Json(await lead.GetAsync($"/api/peer-network/sets/{setId}/sessions/1/agenda", Ct));
        var presenter = agenda1["presenters"]!.AsArray().Single()!.GetValue<Guid>();
        var all = members.Select(m => m.Id).ToList();
        (await facilitator.PutAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/1/attendance", new { attended = all }, Ct)).EnsureSuccessStatusCode();
        var added = await lead.PostAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/1/actions",
            new { ownerEnrolmentId = presenter, what = "Pilot the check-in cards with Year 5", byWhen = "2027-01-10" }, Ct);
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var actionId = (await Json(added))["id"]!.GetValue<Guid>();

        var agenda2 = await Json(await lead.GetAsync($"/api/peer-network/sets/{setId}/sessions/2/agenda", Ct));
        agenda2["carriedActions"]!.AsArray().Single()!["fromSession"]!.GetValue<int>().ShouldBe(1);
        agenda2["lastSessionAt"].ShouldNotBeNull();
        agenda2["presenters"]!.AsArray().Single()!.GetValue<Guid>().ShouldNotBe(presenter);
        (await facilitator.PutAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/2/attendance", new { attended = all }, Ct)).EnsureSuccessStatusCode();
        (await Json(await lead.GetAsync($"/api/peer-network/sets/{setId}/sessions/3/agenda", Ct)))["carriedActions"]!.AsArray().Count.ShouldBe(1,
            "still open, so carried again");

        (await lead.PatchAsJsonAsync($"/api/peer-network/sets/{setId}/actions/{actionId}", new { status = "done" }, Ct)).EnsureSuccessStatusCode();

        (await Json(await lead.GetAsync($"/api/peer-network/sets/{setId}/sessions/3/agenda", Ct)))["carriedActions"]!.AsArray().ShouldBeEmpty();
        var presenters = (await Json(await lead.GetAsync($"/api/peer-network/sets/{setId}", Ct)))["sessions"]!.AsArray()
            .Select(s => s!["presenters"]!.AsArray().Single()!.GetValue<Guid>()).ToList();
        presenters.ShouldBe(all, ignoreOrder: true, "five sessions, five members: each presents once");
    }

    [Fact]
    public async Task a_set_that_has_held_all_its_sessions_is_completed_publishes_set_completed_and_frees_its_members()
    {
        var (setId, members, facilitator) = await FiveLeadSet();
        var all = members.Select(m => m.Id).ToList();
        for (var n = 1; n <= 4; n++)
            (await facilitator.PutAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/{n}/attendance", new { attended = all }, Ct)).EnsureSuccessStatusCode();
        (await Given.Get($"/api/peer-network/sets/{setId}"))["status"]!.GetValue<string>().ShouldBe("active", "one session still to hold");

        var tracked = await App.Host.ExecuteAndWaitAsync(async () =>
            (await facilitator.PutAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/5/attendance", new { attended = all }, Ct)).EnsureSuccessStatusCode());

        var completed = tracked.PublishedEvents<ActionLearningSetCompleted>().DistinctBy(e => e.EventId).ShouldHaveSingleItem();
        (completed.SetId, completed.MemberCount, completed.Region, completed.FacilitatorId).ShouldBe((setId, 5, Region, "fac-9"));
        var set = await Given.Get($"/api/peer-network/sets/{setId}");
        set["status"]!.GetValue<string>().ShouldBe("completed");
        var change = new HttpRequestMessage(HttpMethod.Patch, $"/api/peer-network/sets/{setId}") { Content = Body(new { name = "Renamed" }) };
        change.Headers.TryAddWithoutValidation("If-Match", $"\"{set["version"]}\"");
        (await facilitator.SendAsync(change, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a completed set is closed");
        var again = await facilitator.PostAsJsonAsync("/api/peer-network/sets", new
        {
            name = "Camden primaries, second year", region = Region, delivery = "faceToFace", cadenceWeeks = 8,
            firstSessionAt = "2027-09-13T16:00:00+00:00", sessionCount = 4, linkOrVenue = "Camden Professional Development Centre",
            members = all,
        }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Created, "a completed set is no longer active, so its members may join another");
    }

    [Fact]
    public async Task confidential_notes_are_for_the_sets_members_and_facilitator_only_and_go_nowhere_else()
    {
        const string secret = "Worried about the governor who keeps overruling me on staff wellbeing";
        var (setId, members, facilitator) = await FiveLeadSet();
        var member = As("lead", members[1].Urn);
        var written = await Given.AndWait(() => member.PostAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/1/notes", new { text = secret }, Ct));
        written.StatusCode.ShouldBe(HttpStatusCode.Created);

        (await Json(await facilitator.GetAsync($"/api/peer-network/sets/{setId}/sessions/1/notes", Ct))).AsArray().Single()!["text"]!
            .GetValue<string>().ShouldBe(secret);
        (await Json(await member.GetAsync($"/api/peer-network/sets/{setId}/sessions/1/notes", Ct))).AsArray().Count.ShouldBe(1);
        foreach (var outsider in new[] { Admin, As("head", members[1].Urn), As("facilitator", subject: "fac-other"), As("lead", await Given.Setting()) })
        {
            (await outsider.GetAsync($"/api/peer-network/sets/{setId}/sessions/1/notes", Ct)).StatusCode
                .ShouldBe(HttpStatusCode.NotFound);
            (await outsider.PostAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/1/notes", new { text = "x" }, Ct)).StatusCode
                .ShouldBe(HttpStatusCode.NotFound);
        }

        List<System.Diagnostics.Activity> spans;
        lock (App.Spans) spans = App.Spans.ToList();
        spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Value}").Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{t.Value}")))
            .Append(s.DisplayName).Append(s.StatusDescription ?? "")).ShouldNotContain(t => t.Contains("governor"));
        App.LogLines.ShouldNotContain(l => l.Contains("governor"));
    }

    [Fact]
    public async Task a_withdrawal_drops_the_set_below_five_and_two_missed_sessions_flag_the_lead_at_risk()
    {
        var (setId, members, facilitator) = await FiveLeadSet();
        var absent = members[4].Id;
        var came = members.Take(4).Select(m => m.Id).ToList();

        (await facilitator.PutAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/1/attendance", new { attended = came }, Ct)).EnsureSuccessStatusCode();
        var tracked = await App.Host.ExecuteAndWaitAsync(async () =>
            (await facilitator.PutAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/2/attendance", new { attended = came }, Ct)).EnsureSuccessStatusCode());

        tracked.Sent.SingleMessage<FlagEnrolmentAtRisk>().ShouldBe(new FlagEnrolmentAtRisk(absent, "missedActionLearningSessions"));
        var enrolment = await Given.Get($"/api/enrolments/{absent}");
        enrolment["atRisk"]!.GetValue<bool>().ShouldBeTrue();
        enrolment["atRiskReason"]!.GetValue<string>().ShouldBe("missedActionLearningSessions");

        var withdrawn = await App.Host.ExecuteAndWaitAsync(async () =>
            (await Admin.PostAsJsonAsync($"/api/enrolments/{members[0].Id}/withdrawal", new { reason = "leadLeft" }, Ct)).EnsureSuccessStatusCode());

        var below = withdrawn.PublishedEvents<ActionLearningSetBelowMinimum>().Single();
        (below.SetId, below.MemberCount, below.FacilitatorId, below.Region).ShouldBe((setId, 4, "fac-9", Region));
        var set = await Given.Get($"/api/peer-network/sets/{setId}");
        set["status"]!.GetValue<string>().ShouldBe("belowMinimum");
        set["members"]!.AsArray().Count(m => m!["active"]!.GetValue<bool>()).ShouldBe(4);

        var waiting = (await Leads("primary"))[0];
        var rematch = new HttpRequestMessage(HttpMethod.Patch, $"/api/peer-network/sets/{setId}") { Content = Body(new { addMembers = new[] { waiting.Id } }) };
        rematch.Headers.TryAddWithoutValidation("If-Match", $"\"{set["version"]}\"");
        var changed = await facilitator.SendAsync(rematch, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(changed))["status"]!.GetValue<string>().ShouldBe("active", "a waiting lead moved in brings it back to five");
    }

    [Fact]
    public async Task the_directory_lists_only_leads_who_opted_in_and_forgets_them_when_they_withdraw_consent()
    {
        var leads = await Leads("primary", "secondary");
        var listed = As("lead", leads[0].Urn);
        var peer = As("lead", leads[1].Urn);
        (await listed.PutAsJsonAsync($"/api/peer-network/members/{leads[0].Id}/directory",
            new { listed = true, displayName = "Priya K.", about = "Deputy head, interested in transitions" }, Ct)).EnsureSuccessStatusCode();

        var directory = await Json(await peer.GetAsync($"/api/peer-network/networks/{Region}/members", Ct));
        directory["items"]!.AsArray().Select(m => m!["enrolmentId"]!.GetValue<Guid>()).ShouldBe([leads[0].Id], "the unlisted lead never appears");
        (await As("head", leads[1].Urn).GetAsync($"/api/peer-network/networks/{Region}/members", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await As("lead", await Given.Setting(region: "north-west")).GetAsync($"/api/peer-network/networks/{Region}/members", Ct)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await peer.PutAsJsonAsync($"/api/peer-network/members/{leads[0].Id}/directory", new { listed = true, displayName = "Not me" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await listed.PutAsJsonAsync($"/api/peer-network/members/{leads[0].Id}/directory", new { listed = false }, Ct)).EnsureSuccessStatusCode();

        (await Json(await peer.GetAsync($"/api/peer-network/networks/{Region}/members", Ct)))["items"]!.AsArray().ShouldBeEmpty();
        var member = await Given.Get($"/api/peer-network/members/{leads[0].Id}");
        member["directory"]!["displayName"].ShouldBeNull();
        member["directory"]!["withdrawnAt"].ShouldNotBeNull();
    }
}
