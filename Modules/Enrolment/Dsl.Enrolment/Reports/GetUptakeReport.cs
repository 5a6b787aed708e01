using System.Globalization;
using System.Text;
using Dsl.Enrolment.AcademicYears;
using Dsl.Enrolment.Enrolments;

namespace Dsl.Enrolment.Reports;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

/// <summary>One region's uptake in one academic year; region "all" is the year's total.</summary>
/// <param name="Cap">The year's funded place cap (the programme's target).</param>
/// <param name="PercentOfTarget">Places taken up (confirmed + completed) as a percentage of the cap.</param>
public sealed record UptakeRow(string AcademicYear, string Region, int Cap, int Confirmed, int Waitlisted,
    int Withdrawn, int Completed, decimal PercentOfTarget);

public sealed record UptakeReport(IReadOnlyList<UptakeRow> Rows);

public sealed record GetUptakeReportQuery
{
    /// <summary>Academic year id, e.g. "2023-24"; all years when omitted.</summary>
    [FromQuery(Name = "year")] public string? Year { get; set; }

    public sealed class Validator : AbstractValidator<GetUptakeReportQuery>
    {
        public Validator() => RuleFor(x => x.Year).Matches(@"^\d{4}-\d{2}$").When(x => x.Year is not null)
            .WithMessage("year must be an academic year id such as \"2023-24\".");
    }
}

public static class GetUptakeReportEndpoint
{
    public const string AllRegions = "all";

    /// <summary>Uptake per region and academic year against the year's cap (admin). Send Accept: text/csv for CSV.</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverineGet("/api/reports/uptake", OperationId = "GetUptakeReport")]
    [Tags(ApiTags.Reports)]
    [EndpointSummary("Get the uptake report")]
    [ProducesResponseType<UptakeReport>(StatusCodes.Status200OK, "application/json", "text/csv")]
    public static async Task<IResult> Get([AsParameters] GetUptakeReportQuery query, IQuerySession session,
        HttpRequest request, CancellationToken ct)
    {
        IQueryable<AcademicYear> years = session.Query<AcademicYear>();
        if (query.Year is not null) years = years.Where(y => y.Id == query.Year);
        var caps = (await years.ToListAsync(ct)).ToDictionary(y => y.Id, y => y.PlaceCap);

        IQueryable<Enrolment> enrolments = session.Query<Enrolment>();
        if (query.Year is not null) enrolments = enrolments.Where(e => e.AcademicYearId == query.Year);
        var counts = (await enrolments.Select(e => new { e.AcademicYearId, e.Region, e.Status }).ToListAsync(ct))
            .GroupBy(e => (e.AcademicYearId, e.Region))
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Status).ToDictionary(s => s.Key, s => s.Count()));

        var rows = new List<UptakeRow>();
        foreach (var (year, cap) in caps.OrderBy(c => c.Key))
        {
            var regionRows = ProgrammeRegions.All.Select(r =>
                Row(year, r.Code, cap, counts.GetValueOrDefault((year, r.Code)) ?? [])).ToList();
            rows.AddRange(regionRows);
            rows.Add(Row(year, AllRegions, cap, regionRows.Select(r => r.Confirmed).Sum(), regionRows.Select(r => r.Waitlisted).Sum(),
                regionRows.Select(r => r.Withdrawn).Sum(), regionRows.Select(r => r.Completed).Sum()));
        }

        var report = new UptakeReport(rows);
        return request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(ToCsv(report), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(report);
    }

    private static UptakeRow Row(string year, string region, int cap, Dictionary<EnrolmentStatus, int> byStatus) =>
        Row(year, region, cap, byStatus.GetValueOrDefault(EnrolmentStatus.Confirmed), byStatus.GetValueOrDefault(EnrolmentStatus.Waitlisted),
            byStatus.GetValueOrDefault(EnrolmentStatus.Withdrawn), byStatus.GetValueOrDefault(EnrolmentStatus.Completed));

    private static UptakeRow Row(string year, string region, int cap, int confirmed, int waitlisted, int withdrawn, int completed) =>
        new(year, region, cap, confirmed, waitlisted, withdrawn, completed,
            cap == 0 ? 0 : Math.Round(100m * (confirmed + completed) / cap, 2));

    public static string ToCsv(UptakeReport report)
    {
        var csv = new StringBuilder("academicYear,region,cap,confirmed,waitlisted,withdrawn,completed,percentOfTarget\r\n");
        foreach (var r in report.Rows)
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.AcademicYear},{r.Region},{r.Cap},{r.Confirmed},{r.Waitlisted},{r.Withdrawn},{r.Completed},{r.PercentOfTarget}\r\n");
        return csv.ToString();
    }
}
