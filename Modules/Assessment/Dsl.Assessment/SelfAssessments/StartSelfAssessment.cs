using Dsl.Assessment.Enrolments;

namespace Dsl.Assessment.SelfAssessments;

/// <param name="Approach">wholeSchool (default) or none: a setting with no approach yet records a needs assessment.</param>
public sealed record StartSelfAssessment(Guid EnrolmentId, Approach? Approach)
{
    public sealed class Validator : AbstractValidator<StartSelfAssessment>
    {
        public Validator() => RuleFor(x => x.EnrolmentId).NotEmpty();
    }
}

public static class StartSelfAssessmentEndpoint
{
    /// <summary>
    /// Starts a draft self-assessment for a confirmed enrolment (the setting's lead or head, or an admin acting for it). A setting has one draft
    /// at a time: a second is 409 naming the draft. Send Idempotency-Key to retry safely.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/self-assessments", OperationId = "StartSelfAssessment")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Start a self-assessment")]
    [ProducesResponseType<SelfAssessment>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(StartSelfAssessment command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var enrolment = await session.LoadAsync<AssessedEnrolment>(command.EnrolmentId, ct);
        if (enrolment is null || !AssessmentAccess.CanWrite(user, enrolment.SettingUrn))
            return Results.Problem(Problems.Invalid("enrolmentId", $"There is no confirmed enrolment {command.EnrolmentId} of your setting."));
        if (enrolment.Withdrawn) return Results.Problem(Problems.Conflict("The enrolment was withdrawn."));
        var draft = await session.Query<SelfAssessment>()
            .FirstOrDefaultAsync(s => s.SettingUrn == enrolment.SettingUrn && s.Status == SelfAssessmentStatus.Draft, ct);
        if (draft is not null)
            return Results.Problem(Problems.Conflict($"The setting already has a draft self-assessment {draft.Id}; finish or submit it first.",
                new Dictionary<string, object?> { ["draftId"] = draft.Id }));

        var now = clock.GetUtcNow();
        var assessment = new SelfAssessment
        {
            Id = Guid.CreateVersion7(now), EnrolmentId = enrolment.Id, SettingUrn = enrolment.SettingUrn,
            CohortId = enrolment.CohortId, Approach = command.Approach ?? Approach.WholeSchool,
            Status = SelfAssessmentStatus.Draft, StartedAt = now, Version = 1,
        };
        session.Insert(assessment);
        response.SetETag(assessment.Version);
        return TypedResults.Created($"/api/assessment/self-assessments/{assessment.Id}", await SelfAssessmentReads.View(assessment, session, ct));
    }
}
