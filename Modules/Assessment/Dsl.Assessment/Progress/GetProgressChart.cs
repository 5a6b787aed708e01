using System.Text;

namespace Dsl.Assessment.Progress;

public static class GetProgressChartEndpoint
{
    /// <summary>
    /// The progress picture as an accessible SVG bar chart: baseline against latest level per element, with a title
    /// and a description in words, readable in greyscale. Whoever may read the setting's assessment records.
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/settings/{urn}/progress.svg", OperationId = "GetAssessmentProgressChart")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get a setting's progress chart")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "image/svg+xml")]
    public static async Task<IResult> Get(string urn, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var picture = await GetProgressEndpoint.Load(urn, user, session, ct);
        return picture is null
            ? Results.Problem(GetProgressEndpoint.NotFound(urn))
            : Results.Text(ProgressChart.Svg(picture), "image/svg+xml; charset=utf-8", Encoding.UTF8);
    }
}
