using Dsl.Curriculum.Contracts;

namespace Dsl.Curriculum.Progress;

public static class ResumeEmbeddingEndpoint
{
    /// <summary>
    /// A short-track lead starts the deferred embedding phase (the setting's head or lead, the cohort's facilitator,
    /// or admin), within the resume window (default two academic years after deferring).
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverinePost("/api/curriculum/progress/{enrolmentId}/embedding", OperationId = "ResumeEmbedding")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Resume the deferred embedding phase")]
    [ProducesResponseType<ProgressView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Post(Guid enrolmentId, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var lead = await LeadInCohort.LoadAsync(session, enrolmentId, ct);
        if (lead is null || !lead.CanRead(user)) return (Results.Problem(Problems.NotFound(LeadInCohort.NotFound(enrolmentId))), messages);
        var progress = lead.Progress;
        var now = clock.GetUtcNow();
        if (progress.Phase != ProgrammePhase.EmbeddingDeferred || !progress.Open)
            return (Results.Problem(Problems.Conflict($"The lead is in {progress.Phase}; only a deferred embedding phase can be resumed.")), messages);
        if (now > progress.ResumeEmbeddingBy)
            return (Results.Problem(Problems.Conflict($"The window to resume embedding closed on {progress.ResumeEmbeddingBy:yyyy-MM-dd}.")), messages);

        ProgressFlow.MoveTo(progress, ProgrammePhase.Embedding, now, options.Value, messages);
        var evidence = await ProgressFlow.EvidenceAsync(session, progress.Id, ct);
        session.Store(progress);
        return (TypedResults.Ok(ProgressView.From(progress, evidence, now, user)), messages);
    }
}
