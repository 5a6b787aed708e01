using Dsl.Curriculum.Calendars;
using Ical.Net;

namespace Dsl.Rules.Tests.Curriculum;

public sealed class CalendarFeedTests
{
    // The clocks go back at 02:00 BST on Sunday 25 October 2026: 09:30 London is 08:30Z before it and 09:30Z after.
    private static readonly CalendarWorkshop BeforeClockChange = Workshop("Ethos and leadership",
        new DateTimeOffset(2026, 10, 20, 9, 30, 0, TimeSpan.FromHours(1)), hours: 6, venue: "Leeds Civic Hall");
    private static readonly CalendarWorkshop AfterClockChange = Workshop("Curriculum and staff",
        new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero), hours: 6, joinUrl: "https://meet.example.org/dsl-2");

    private static CalendarWorkshop Workshop(string title, DateTimeOffset starts, double hours, string? venue = null,
        string? joinUrl = null, int sequence = 0, bool cancelled = false) =>
        new(Guid.CreateVersion7(), title, starts, starts.AddHours(hours), venue, joinUrl, ["ethos-and-environment"], sequence,
            cancelled, cancelled ? "Venue closed" : null, starts.AddDays(-30));

    private static Calendar Parse(string ics) => Calendar.Load(ics)!;

    [Fact]
    public void each_workshop_is_one_vevent_at_the_right_instant_on_both_sides_of_the_clock_change()
    {
        var ics = CalendarFeed.Render("Cohort A", [AfterClockChange, BeforeClockChange]);
        var calendar = Parse(ics);

        calendar.Events.Count.ShouldBe(2);
        calendar.TimeZones.ShouldContain(z => z.TzId == "Europe/London");
        var first = calendar.Events.Single(e => e.Uid == CalendarFeed.UidFor(BeforeClockChange.Id));
        first.DtStart!.TzId.ShouldBe("Europe/London");
        first.DtStart.AsUtc.ShouldBe(new DateTime(2026, 10, 20, 8, 30, 0, DateTimeKind.Utc));
        first.DtEnd!.AsUtc.ShouldBe(new DateTime(2026, 10, 20, 14, 30, 0, DateTimeKind.Utc));
        first.Location.ShouldBe("Leeds Civic Hall");
        var second = calendar.Events.Single(e => e.Uid == CalendarFeed.UidFor(AfterClockChange.Id));
        second.DtStart!.AsUtc.ShouldBe(new DateTime(2026, 11, 3, 9, 30, 0, DateTimeKind.Utc));
        second.DtStart.Value.Hour.ShouldBe(9);
        second.Location.ShouldBe("https://meet.example.org/dsl-2");
        ics.ShouldContain("DTSTART;TZID=Europe/London:20261020T093000");
        ics.ShouldContain("BEGIN:VTIMEZONE");
    }

    [Fact]
    public void a_changed_workshop_keeps_its_uid_with_a_higher_sequence_and_a_cancelled_one_says_so()
    {
        var changed = BeforeClockChange with { Sequence = 3 };
        var cancelled = AfterClockChange with { Sequence = 1, Cancelled = true, CancellationReason = "Venue closed" };

        var calendar = Parse(CalendarFeed.Render("Cohort A", [changed, cancelled]));

        var a = calendar.Events.Single(e => e.Uid == CalendarFeed.UidFor(changed.Id));
        a.Sequence.ShouldBe(3);
        a.Status.ShouldBe("CONFIRMED");
        var b = calendar.Events.Single(e => e.Uid == CalendarFeed.UidFor(cancelled.Id));
        b.Status.ShouldBe("CANCELLED");
        b.Sequence.ShouldBe(1);
        b.Description!.ShouldContain("Venue closed");
    }

    [Fact]
    public void the_same_workshops_render_the_same_feed()
    {
        CalendarFeed.Render("Cohort A", [BeforeClockChange, AfterClockChange])
            .ShouldBe(CalendarFeed.Render("Cohort A", [AfterClockChange, BeforeClockChange]));
    }
}
