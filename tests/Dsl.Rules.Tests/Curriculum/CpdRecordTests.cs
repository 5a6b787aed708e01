using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Cpd;
using Dsl.Curriculum.Outcomes;
using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Support;
using Dsl.Curriculum.Workshops;

namespace Dsl.Rules.Tests.Curriculum;

public sealed class CpdRecordTests
{
    private static readonly DateTimeOffset Opened = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static LeadProgress Progress() => new()
    {
        Id = Guid.CreateVersion7(), SettingUrn = "137000", CohortId = Guid.CreateVersion7(), Phase = ProgrammePhase.ReflectivePlanning,
        Open = true, OpenedAt = Opened,
        Phases = [new PhaseChange(ProgrammePhase.Learning, Opened), new PhaseChange(ProgrammePhase.ReflectivePlanning, Opened.AddDays(60))],
    };

    private static Workshop Day(DateTimeOffset starts, double hours, string title) =>
        new() { Id = Guid.CreateVersion7(), Title = title, StartsAt = starts, EndsAt = starts.AddHours(hours) };

    private static Attendance Mark(Workshop w, Guid enrolment, AttendanceMark mark) => new()
    {
        WorkshopId = w.Id, EnrolmentId = enrolment, Mark = mark, WorkshopStartsAt = w.StartsAt, WorkshopEndsAt = w.EndsAt,
        Note = "Quiet today",
    };

    [Fact]
    public void attended_workshops_and_support_add_up_to_the_total_hours_and_absences_and_withdrawals_do_not_count()
    {
        var progress = Progress();
        var day1 = Day(Opened.AddDays(10), 6, "Day 1");
        var day2 = Day(Opened.AddDays(20), 5.5, "Day 2, \"in depth\"");
        var day3 = Day(Opened.AddDays(30), 6, "Day 3");
        var support = new[]
        {
            new SupportContact { EnrolmentId = progress.Id, On = new DateOnly(2026, 10, 5), Minutes = 45, Mode = SupportMode.VideoCall,
                ElementCodes = ["staff-development"], CatchUp = true, Note = "Private" },
            new SupportContact { EnrolmentId = progress.Id, On = new DateOnly(2026, 10, 12), Minutes = 30, Mode = SupportMode.Phone },
        };
        var signOffs = new[]
        {
            new OutcomeSignOff { OutcomeCode = "ethos-and-environment.1", ElementCode = "ethos-and-environment", SignedOffAt = Opened.AddDays(15) },
            new OutcomeSignOff { OutcomeCode = "ethos-and-environment.2", ElementCode = "ethos-and-environment", SignedOffAt = Opened.AddDays(16),
                WithdrawnAt = Opened.AddDays(17) },
        };

        var record = CpdRecord.Build(progress,
            [Mark(day1, progress.Id, AttendanceMark.Present), Mark(day2, progress.Id, AttendanceMark.Late), Mark(day3, progress.Id, AttendanceMark.Absent)],
            new[] { day1, day2, day3 }.ToDictionary(w => w.Id), support, signOffs);

        record.Workshops.Select(w => w.Title).ShouldBe(["Day 1", "Day 2, \"in depth\""]);
        record.WorkshopHours.ShouldBe(11.5);
        record.SupportMinutes.ShouldBe(75);
        record.TotalHours.ShouldBe(12.75);
        record.Outcomes.ShouldHaveSingleItem().OutcomeCode.ShouldBe("ethos-and-environment.1");
        record.Phases.Select(p => p.Phase).ShouldBe([ProgrammePhase.Learning, ProgrammePhase.ReflectivePlanning]);

        var csv = record.ToCsv();
        var lines = csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("kind,date,activity,elements,hours");
        lines.ShouldContain("workshop,2026-09-21T08:00:00Z,\"Day 2, \"\"in depth\"\" (late)\",,5.5");
        lines.ShouldContain("support,2026-10-05,\"videoCall support (catch-up), 45 minutes\",staff-development,0.75");
        lines[^1].ShouldBe("total,,Total hours,,12.75");
        csv.ShouldNotContain("Private");
        csv.ShouldNotContain("Quiet today");
    }
}
