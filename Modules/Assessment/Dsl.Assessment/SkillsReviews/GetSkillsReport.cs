namespace Dsl.Assessment.SkillsReviews;

/// <param name="Report">Computed once when the review closed, under the anonymity rules.</param>
public sealed record SkillsReportView(Guid ReviewId, Guid EnrolmentId, SkillsReviewStage Stage, DateTimeOffset ClosedAt, SkillsReport Report);

public static class GetSkillsReportEndpoint
{
    /// <summary>
    /// The review's report once closed: per competency the lead's own rating, others' mean per visible group and
    /// overall, the gap (self − others), the three strongest and three to develop, and for an end review the change
    /// since the start; raters' comments unattributed and shuffled. JSON, or a PDF with Accept: application/pdf.
    /// The lead, their coach, or an admin; 404 before close.
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [AuditedRead("skillsReport")]
    [WolverineGet("/api/assessment/skills-reviews/{id}/report", OperationId = "GetSkillsReport")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get a management-skills review's report")]
    [ProducesResponseType<SkillsReportView>(StatusCodes.Status200OK)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, SkillsReportPdf.MediaType)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IQuerySession session,
        CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { Review: { Report: { } report } review })
            return Results.Problem(Problems.NotFound($"There is no report for management-skills review {id}: it is made when the review closes."));
        AccessAudit.RecordIsAbout(response, review.EnrolmentId);
        if (request.Headers.Accept.ToString().Contains(SkillsReportPdf.MediaType, StringComparison.OrdinalIgnoreCase))
            return Results.File(SkillsReportPdf.Render(review, report), SkillsReportPdf.MediaType, $"skills-review-{review.Id}.pdf");
        return TypedResults.Ok(new SkillsReportView(review.Id, review.EnrolmentId, review.Stage, review.ClosedAt!.Value, report));
    }
}
