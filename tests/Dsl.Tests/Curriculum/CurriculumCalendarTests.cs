using System.Net.Http.Headers;
using Dsl.Curriculum;
using Dsl.Curriculum.Cohorts;
using Dsl.Curriculum.Workshops;
using Ical.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Dsl.Tests.Curriculum;

public sealed class CurriculumCalendarTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    // The clocks go back at 02:00 BST on Sunday 25 October 2026: a 09:30 London start is 08:30Z before, 09:30Z after.
    private static readonly DateTimeOffset BeforeClockChange = new(2026, 10, 20, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterClockChange = new(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);

    private HttpClient As(string role, string? setting = null, string? subject = null)
    {
        var client = App.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.Tokens.Issue(role, setting, subject: subject));
        return client;
    }

    /// <summary>A cohort with a confirmed lead, and two workshops on either side of the clock change, the second cancelled.</summary>
    private async Task<(string Urn, Guid Cohort, Guid Enrolment, Guid[] Workshops)> CohortWithWorkshops()
    {
        var urn = await Given.Setting();
        var cohort = await Given.Cohort(facilitatorId: "fac-1");
        var (enrolment, _) = await Given.EndorsedEnrolment(urn, cohort);
        var store = App.Host.Services.GetRequiredService<ICurriculumStore>();
        await using var session = store.LightweightSession();
        // Workshops are scheduled through F1's endpoints; the feed only reads the documents, so the test writes them.
        if (await session.LoadAsync<CurriculumCohort>(cohort, Ct) is null)
            session.Store(new CurriculumCohort { Id = cohort, Name = "london cohort", FacilitatorId = "fac-1", Region = "london", AcademicYear = "2023-24" });
        Workshop Day(DateTimeOffset starts, string title, bool cancelled) => new()
        {
            Id = Guid.CreateVersion7(), CohortId = cohort, Title = title, StartsAt = starts, EndsAt = starts.AddHours(6),
            Delivery = cancelled ? WorkshopDelivery.Virtual : WorkshopDelivery.FaceToFace,
            Venue = cancelled ? null : "Camden Centre", JoinUrl = cancelled ? "https://meet.example.org/day-2" : null,
            ElementCodes = ["ethos-and-environment"], Status = cancelled ? WorkshopStatus.Cancelled : WorkshopStatus.Scheduled,
            Sequence = cancelled ? 1 : 0, CreatedAt = starts.AddDays(-40), ChangedAt = starts.AddDays(-30), Version = 1,
        };
        var days = new[] { Day(BeforeClockChange, "Day 1", false), Day(AfterClockChange, "Day 2", true) };
        session.Store(days);
        await session.SaveChangesAsync(Ct);
        return (urn, cohort, enrolment, days.Select(d => d.Id).ToArray());
    }

    private static async Task<Calendar> Ics(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        return Calendar.Load(await response.Content.ReadAsStringAsync(Ct))!;
    }

    private static void ShouldShowBothDays(Calendar calendar, Guid[] workshops)
    {
        calendar.Events.Count.ShouldBe(2);
        var day1 = calendar.Events.Single(e => e.Uid == $"workshop-{workshops[0]}@dsl");
        day1.DtStart!.TzId.ShouldBe("Europe/London");
        day1.DtStart.AsUtc.ShouldBe(BeforeClockChange.UtcDateTime);
        day1.DtStart.Value.Hour.ShouldBe(9);
        day1.Location.ShouldBe("Camden Centre");
        var day2 = calendar.Events.Single(e => e.Uid == $"workshop-{workshops[1]}@dsl");
        day2.DtStart!.AsUtc.ShouldBe(AfterClockChange.UtcDateTime);
        day2.DtStart.Value.Hour.ShouldBe(9);
        day2.Status.ShouldBe("CANCELLED");
        day2.Sequence.ShouldBe(1);
        day2.Location.ShouldBe("https://meet.example.org/day-2");
    }

    [Fact]
    public async Task the_cohort_and_lead_feeds_parse_with_one_event_per_workshop_for_those_who_may_read_them()
    {
        var (urn, cohort, enrolment, workshops) = await CohortWithWorkshops();

        ShouldShowBothDays(await Ics(await App.Client("lead", urn).GetAsync($"/api/curriculum/cohorts/{cohort}/calendar.ics", Ct)), workshops);
        ShouldShowBothDays(await Ics(await App.Client("head", urn).GetAsync($"/api/curriculum/progress/{enrolment}/calendar.ics", Ct)), workshops);
        ShouldShowBothDays(await Ics(await As("facilitator", subject: "fac-1").GetAsync($"/api/curriculum/cohorts/{cohort}/calendar.ics", Ct)), workshops);

        var otherSetting = await Given.Setting();
        (await App.Client("lead", otherSetting).GetAsync($"/api/curriculum/cohorts/{cohort}/calendar.ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.Client("lead", otherSetting).GetAsync($"/api/curriculum/progress/{enrolment}/calendar.ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await As("facilitator", subject: "fac-2").GetAsync($"/api/curriculum/cohorts/{cohort}/calendar.ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.Client(null).GetAsync($"/api/curriculum/cohorts/{cohort}/calendar.ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_private_link_works_without_a_token_until_its_maker_revokes_it()
    {
        var (urn, _, enrolment, workshops) = await CohortWithWorkshops();
        var lead = As("lead", urn, subject: "lead-1");

        var created = await lead.PostAsync("/api/curriculum/calendar-links", Body(new { enrolmentId = enrolment }), Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var link = await Json(created);
        var url = new Uri(link["url"]!.GetValue<string>());
        url.AbsolutePath.ShouldStartWith("/calendar/");
        url.AbsolutePath.ShouldEndWith(".ics");
        var token = url.AbsolutePath["/calendar/".Length..^".ics".Length];
        Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length.ShouldBeGreaterThanOrEqualTo(16);
        var anonymous = App.Client(null);
        ShouldShowBothDays(await Ics(await anonymous.GetAsync(url.PathAndQuery, Ct)), workshops);

        var store = App.Host.Services.GetRequiredService<ICurriculumStore>();
        await using (var session = store.QuerySession())
        {
            var raw = await session.Query<Dsl.Curriculum.Calendars.CalendarLink>().Select(l => l.TokenHash).ToListAsync(Ct);
            raw.ShouldHaveSingleItem().ShouldNotContain(token);
        }
        var id = link["id"]!.GetValue<Guid>();
        (await As("lead", urn, subject: "someone-else").DeleteAsync($"/api/curriculum/calendar-links/{id}", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lead.DeleteAsync($"/api/curriculum/calendar-links/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await anonymous.GetAsync(url.PathAndQuery, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/calendar/" + new string('A', 43) + ".ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lead.DeleteAsync($"/api/curriculum/calendar-links/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task nobody_makes_a_link_to_a_calendar_they_cannot_read()
    {
        var (_, cohort, enrolment, _) = await CohortWithWorkshops();
        var stranger = App.Client("lead", await Given.Setting());

        (await stranger.PostAsync("/api/curriculum/calendar-links", Body(new { cohortId = cohort }), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsync("/api/curriculum/calendar-links", Body(new { enrolmentId = enrolment }), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var both = await Admin.PostAsync("/api/curriculum/calendar-links", Body(new { cohortId = cohort, enrolmentId = enrolment }), Ct);
        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var cohortLink = await Admin.PostAsync("/api/curriculum/calendar-links", Body(new { cohortId = cohort }), Ct);
        cohortLink.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Ics(await App.Client(null).GetAsync(new Uri((await Json(cohortLink))["url"]!.GetValue<string>()).PathAndQuery, Ct))).Events.Count.ShouldBe(2);
    }
}
