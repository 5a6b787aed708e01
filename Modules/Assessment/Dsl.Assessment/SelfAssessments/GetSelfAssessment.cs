namespace Dsl.Assessment.SelfAssessments;

public static class GetSelfAssessmentEndpoint
{
    /// <summary>
    /// One self-assessment with its ratings, evidence and notes, and when the next review is due (the setting's head
    /// or lead, the cohort's facilitator, an assessor of an open award application, or admin).
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/self-assessments/{id}", OperationId = "GetSelfAssessment")]
    [Tags(ApiTags.Assessment)]
    [AuditedRead("selfAssessment")]
    [EndpointSummary("Get a self-assessment")]
    [ProducesResponseType<SelfAssessment>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response,
        CancellationToken ct)
    {
        var assessment = await SelfAssessmentReads.Readable(id, user, session, ct);
        if (assessment is null) return Results.Problem(SelfAssessmentReads.NotFound(id));
        response.SetETag(assessment.Version);
        AccessAudit.RecordIsAbout(response, assessment.EnrolmentId);
        return TypedResults.Ok(await SelfAssessmentReads.View(assessment, session, ct));
    }
}
