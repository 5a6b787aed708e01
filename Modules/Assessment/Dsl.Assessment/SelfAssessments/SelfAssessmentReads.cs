using Dsl.Assessment.Enrolments;

namespace Dsl.Assessment.SelfAssessments;

internal static class SelfAssessmentReads
{
    /// <summary>The record with its enrolment's review schedule filled in.</summary>
    public static async Task<SelfAssessment> View(SelfAssessment assessment, IQuerySession session, CancellationToken ct)
    {
        var enrolment = await session.LoadAsync<AssessedEnrolment>(assessment.EnrolmentId, ct);
        assessment.NextReviewDue = enrolment?.NextReviewDue;
        assessment.ReviewOverdue = enrolment?.ReviewOverdue ?? false;
        return assessment;
    }

    /// <summary>The self-assessment if the user may read it, else null (answered 404 like a missing one).</summary>
    public static async Task<SelfAssessment?> Readable(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var assessment = await session.LoadAsync<SelfAssessment>(id, ct);
        return assessment is not null && await AssessmentAccess.CanRead(user, assessment.SettingUrn, assessment.CohortId, session, ct)
            ? assessment
            : null;
    }

    public static ProblemDetails NotFound(Guid id) => Problems.NotFound($"There is no self-assessment {id}.");
}
