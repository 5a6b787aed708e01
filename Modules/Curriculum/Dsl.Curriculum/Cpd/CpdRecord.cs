using System.Globalization;
using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Outcomes;
using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Support;
using Dsl.Curriculum.Workshops;
using nietras.SeparatedValues;

namespace Dsl.Curriculum.Cpd;

/// <param name="Hours">The workshop's length; late arrival still counts the whole day (the register does not time it).</param>
public sealed record CpdWorkshop(Guid WorkshopId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, AttendanceMark Mark,
    double Hours);

public sealed record CpdSupport(DateOnly On, SupportMode Mode, int Minutes, IReadOnlyList<string> ElementCodes, bool CatchUp);

public sealed record CpdOutcome(string OutcomeCode, string ElementCode, DateTimeOffset SignedOffAt);

public sealed record CpdPhase(ProgrammePhase Phase, DateTimeOffset EnteredAt);

/// <summary>
/// A lead's continuing professional development record: the workshops they attended with hours, the support
/// between workshops with minutes, the learning outcomes signed off and when each phase began. No notes and no
/// evidence text: those are the facilitator's notes about the lead, kept out of a record the lead shares.
/// </summary>
public sealed record CpdRecord(Guid EnrolmentId, string SettingUrn, ProgrammePhase Phase, string Track,
    IReadOnlyList<CpdPhase> Phases, IReadOnlyList<CpdWorkshop> Workshops, IReadOnlyList<CpdSupport> Support,
    IReadOnlyList<CpdOutcome> Outcomes, double WorkshopHours, int SupportMinutes, double TotalHours)
{
    /// <summary>Builds the record; only attended workshops (present or late) and active sign-offs count.</summary>
    public static CpdRecord Build(LeadProgress progress, IEnumerable<Attendance> attendance, IReadOnlyDictionary<Guid, Workshop> workshops,
        IEnumerable<SupportContact> support, IEnumerable<OutcomeSignOff> signOffs)
    {
        var attended = attendance.Where(a => a.Attended)
            .Select(a =>
            {
                var w = workshops.GetValueOrDefault(a.WorkshopId);
                var starts = w?.StartsAt ?? a.WorkshopStartsAt;
                var ends = w?.EndsAt ?? a.WorkshopEndsAt;
                return new CpdWorkshop(a.WorkshopId, w?.Title ?? "Workshop", starts, ends, a.Mark, HoursBetween(starts, ends));
            })
            .OrderBy(w => w.StartsAt).ToList();
        var contacts = support.OrderBy(s => s.On).ThenBy(s => s.RecordedAt)
            .Select(s => new CpdSupport(s.On, s.Mode, s.Minutes, s.ElementCodes, s.CatchUp)).ToList();
        var outcomes = signOffs.Where(s => s.Active).OrderBy(s => s.SignedOffAt)
            .Select(s => new CpdOutcome(s.OutcomeCode, s.ElementCode, s.SignedOffAt)).ToList();
        var phases = progress.Phases.GroupBy(p => p.Phase).Select(g => new CpdPhase(g.Key, g.Max(p => p.At)))
            .OrderBy(p => p.EnteredAt).ToList();
        var workshopHours = Math.Round(attended.Sum(w => w.Hours), 2);
        var supportMinutes = contacts.Sum(s => s.Minutes);
        return new CpdRecord(progress.Id, progress.SettingUrn, progress.Phase, progress.Track, phases, attended, contacts, outcomes,
            workshopHours, supportMinutes, Math.Round(workshopHours + supportMinutes / 60.0, 2));
    }

    private static double HoursBetween(DateTimeOffset starts, DateTimeOffset ends) => Math.Round((ends - starts).TotalHours, 2);

    public const string CsvMediaType = "text/csv";

    /// <summary>
    /// One row per activity (RFC 4180, quoted where needed) with a closing total row, so a spreadsheet sums to
    /// <see cref="TotalHours"/>; dates are ISO-8601.
    /// </summary>
    public string ToCsv()
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
        void Row(string kind, string date, string activity, string elements, double hours)
        {
            using var row = writer.NewRow();
            row["kind"].Set(kind);
            row["date"].Set(date);
            row["activity"].Set(activity);
            row["elements"].Set(elements);
            row["hours"].Set(hours.ToString("0.##", CultureInfo.InvariantCulture));
        }
        foreach (var p in Phases)
            Row("phase", Iso(p.EnteredAt), $"Entered {Camel(p.Phase.ToString())}", "", 0);
        foreach (var w in Workshops)
            Row("workshop", Iso(w.StartsAt), $"{w.Title} ({Camel(w.Mark.ToString())})", "", w.Hours);
        foreach (var s in Support)
            Row("support", s.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"{Camel(s.Mode.ToString())} support{(s.CatchUp ? " (catch-up)" : "")}, {s.Minutes} minutes",
                string.Join(" ", s.ElementCodes), Math.Round(s.Minutes / 60.0, 2));
        foreach (var o in Outcomes)
            Row("outcome", Iso(o.SignedOffAt), $"Learning outcome {o.OutcomeCode} signed off", o.ElementCode, 0);
        Row("total", "", "Total hours", "", TotalHours);
        return writer.ToString();
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
