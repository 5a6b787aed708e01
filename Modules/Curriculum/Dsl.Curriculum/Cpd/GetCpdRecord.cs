using Dsl.Curriculum.Outcomes;
using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Support;
using Dsl.Curriculum.Workshops;

namespace Dsl.Curriculum.Cpd;

public static class GetCpdRecordEndpoint
{
    public static Task<LeadProgress?> LoadAsync(Guid enrolmentId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<LeadProgress>(enrolmentId, ct);

    public static async Task<ProblemDetails> ValidateAsync(LeadProgress? progress, Guid enrolmentId, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct) =>
        await LeadInCohort.CanReadAsync(user, progress, session, ct)
            ? WolverineContinue.NoProblems
            : Problems.NotFound(LeadInCohort.NotFound(enrolmentId));

    /// <summary>
    /// A lead's CPD record: workshops attended with hours, support contacts with minutes, learning outcomes signed
    /// off, phase dates and totalHours. JSON, or CSV with <c>Accept: text/csv</c>. Whoever may read the lead's progress.
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/progress/{enrolmentId}/cpd", OperationId = "GetCpdRecord")]
    [AuditedRead("cpdRecord")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a lead's CPD record")]
    [ProducesResponseType<CpdRecord>(StatusCodes.Status200OK, "application/json", CpdRecord.CsvMediaType)]
    public static async Task<IResult> Get(LeadProgress progress, HttpRequest request, IQuerySession session, CancellationToken ct)
    {
        var record = await ForAsync(progress, session, ct);
        var wantsCsv = request.GetTypedHeaders().Accept
            .Any(a => a.MediaType.Equals(CpdRecord.CsvMediaType, StringComparison.OrdinalIgnoreCase));
        return wantsCsv
            ? Results.Text(record.ToCsv(), CpdRecord.CsvMediaType + "; charset=utf-8")
            : TypedResults.Ok(record);
    }

    public static async Task<CpdRecord> ForAsync(LeadProgress progress, IQuerySession session, CancellationToken ct)
    {
        var attendance = await session.Query<Attendance>().Where(a => a.EnrolmentId == progress.Id).ToListAsync(ct);
        var workshopIds = attendance.Select(a => a.WorkshopId).Distinct().ToArray();
        var workshops = (await session.LoadManyAsync<Workshop>(ct, workshopIds)).ToDictionary(w => w.Id);
        var support = await session.Query<SupportContact>().Where(s => s.EnrolmentId == progress.Id).ToListAsync(ct);
        var signOffs = await session.Query<OutcomeSignOff>().Where(s => s.EnrolmentId == progress.Id).ToListAsync(ct);
        return CpdRecord.Build(progress, attendance, workshops, support, signOffs);
    }
}
