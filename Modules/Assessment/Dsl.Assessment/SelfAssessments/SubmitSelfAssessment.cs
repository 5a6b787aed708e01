using Dsl.Assessment.Enrolments;
using Dsl.Assessment.Framework;

namespace Dsl.Assessment.SelfAssessments;

public static class SubmitSelfAssessmentEndpoint
{
    /// <summary>
    /// Submits a draft (the setting's lead or head, or an admin acting for it; If-Match optional): all eight elements rated, each with evidence
    /// (or a need and its priority). The setting's first is its baseline, later ones reviews; submitted ones are
    /// immutable. Publishes dsl.assessment.self-assessment-submitted.v1 (levels only) and, in embedding, sets when
    /// the next review is due.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/self-assessments/{id}/submit", OperationId = "SubmitSelfAssessment")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Submit a self-assessment")]
    [ProducesResponseType<SelfAssessment>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Post(Guid id, ClaimsPrincipal user,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, TimeProvider clock,
        IOptions<AssessmentOptions> options, HttpResponse response, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var assessment = await session.LoadAsync<SelfAssessment>(id, ct);
        if (assessment is null || !AssessmentAccess.CanWrite(user, assessment.SettingUrn))
            return (Results.Problem(SelfAssessmentReads.NotFound(id)), messages);
        if (assessment.Status != SelfAssessmentStatus.Draft)
            return (Results.Problem(Problems.Conflict("The self-assessment was already submitted.")), messages);
        if (ifMatch is not null && ETags.CheckIfMatch(ifMatch, assessment.Version) is { } stale) return (Results.Problem(stale), messages);
        var gaps = SelfAssessmentRules.SubmitGaps(assessment, SeedSelfAssessmentFramework.ElementCodes);
        if (gaps.Count > 0) return (Results.Problem(Problems.Validation(gaps)), messages);

        var now = clock.GetUtcNow();
        var submittedBefore = await session.Query<SelfAssessment>()
            .CountAsync(s => s.SettingUrn == assessment.SettingUrn && s.Status == SelfAssessmentStatus.Submitted, ct);
        assessment.Status = SelfAssessmentStatus.Submitted;
        assessment.Kind = SelfAssessmentRules.KindFor(submittedBefore);
        assessment.SubmittedAt = now;
        session.UpdateToNextRevision(assessment, response);

        var enrolment = await session.LoadAsync<AssessedEnrolment>(assessment.EnrolmentId, ct);
        if (enrolment is not null)
        {
            enrolment.LastSubmittedAt = now;
            ReviewSchedule.Next(enrolment, now, options.Value.ReviewInterval, messages);
            session.Store(enrolment);
        }
        messages.Add(new SelfAssessmentSubmitted
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, Region = enrolment?.Region ?? "",
            EnrolmentId = assessment.EnrolmentId, SettingUrn = assessment.SettingUrn, SelfAssessmentId = assessment.Id,
            Kind = assessment.Kind.Value, SubmittedAt = now,
            Levels = assessment.Elements.ToDictionary(e => e.Key, e => e.Value.Level),
        });
        return (TypedResults.Ok(await SelfAssessmentReads.View(assessment, session, ct)), messages);
    }
}
