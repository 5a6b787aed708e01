using System.Globalization;
using System.Text;
using Dsl.Assessment.Framework;
using Dsl.Assessment.SelfAssessments;

namespace Dsl.Assessment.Progress;

public static class GetProgressEndpoint
{
    /// <summary>
    /// The setting's progress picture: per element the baseline and latest level, the change and the series of all
    /// submitted levels with dates, and the overall mean. Accept: text/csv gives one row per element and submission;
    /// Accept: image/svg+xml an accessible chart (also at …/progress.svg). Whoever may read the setting's assessment
    /// records.
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/settings/{urn}/progress", OperationId = "GetAssessmentProgress")]
    [AuditedRead("assessmentProgress")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get a setting's self-assessment progress")]
    [ProducesResponseType<ProgressPicture>(StatusCodes.Status200OK, "application/json", "text/csv", "image/svg+xml")]
    public static async Task<IResult> Get(string urn, ClaimsPrincipal user, IQuerySession session, HttpRequest request,
        CancellationToken ct)
    {
        var picture = await Load(urn, user, session, ct);
        if (picture is null) return Results.Problem(NotFound(urn));
        var accept = request.Headers.Accept.ToString();
        if (accept.Contains("image/svg+xml", StringComparison.OrdinalIgnoreCase))
            return Results.Text(ProgressChart.Svg(picture), "image/svg+xml; charset=utf-8", Encoding.UTF8);
        return accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(ToCsv(picture), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(picture);
    }

    internal static async Task<ProgressPicture?> Load(string urn, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!await AssessmentAccess.CanReadSetting(user, urn, session, ct)) return null;
        var submitted = await session.Query<SelfAssessment>()
            .Where(s => s.SettingUrn == urn && s.Status == SelfAssessmentStatus.Submitted).ToListAsync(ct);
        if (submitted.Count == 0 && !user.IsInRole(Roles.Admin) && !AssessmentAccess.CanWrite(user, urn)) return null;
        var elements = await session.Query<FrameworkElement>().ToListAsync(ct);
        return ProgressRules.Build(urn, elements, submitted);
    }

    internal static ProblemDetails NotFound(string urn) => Problems.NotFound($"There is no assessment progress for setting {urn}.");

    public static string ToCsv(ProgressPicture picture)
    {
        var csv = new StringBuilder("elementCode,elementNumber,elementTitle,submittedAt,kind,level\n");
        foreach (var element in picture.Elements)
        foreach (var point in element.Series)
            csv.AppendJoin(',', element.Code, element.Number, Csv.Field(element.Title),
                point.SubmittedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), Csv.Camel(point.Kind),
                point.Level).Append('\n');
        return csv.ToString();
    }
}
