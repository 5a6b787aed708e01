using Dsl.Curriculum.Contracts;

namespace Dsl.Curriculum.Progress;

/// <param name="Phase">Optional: the phase expected next (a mismatch is a 409, so two people do not skip a phase).</param>
/// <param name="Reason">Why the evidence rules cannot see this move (e.g. trained elsewhere, closures): required.</param>
public sealed record AdvancePhase(ProgrammePhase? Phase, string? Reason)
{
    public sealed class Validator : AbstractValidator<AdvancePhase>
    {
        public Validator()
        {
            RuleFor(x => x.Phase).NotEqual(ProgrammePhase.Learning)
                .WithMessage("phase must be reflectivePlanning, embedding, embeddingDeferred or completed.");
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
        }
    }
}

public static class AdvancePhaseEndpoint
{
    /// <summary>Null when the override may go ahead; otherwise the problem to answer.</summary>
    public static ProblemDetails? Check(AdvancePhase command, LeadProgress progress)
    {
        if (!progress.Open) return Problems.Conflict("The lead's progress record is closed.");
        var next = PhaseRules.Next(progress);
        if (next is null) return Problems.Conflict($"The lead is in {progress.Phase}; there is no next phase.");
        return command.Phase is null || command.Phase == next
            ? null
            : Problems.Conflict($"The lead is in {progress.Phase}; the next phase is {next}.");
    }

    /// <summary>
    /// Overrides the evidence rules: moves a lead to the next phase with a reason, recorded in the phase history as
    /// an override (admin or the cohort's facilitator). The same events are published as for a move by evidence.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/curriculum/progress/{enrolmentId}/phase", OperationId = "AdvancePhase")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Move a lead to the next phase (override)")]
    [ProducesResponseType<ProgressView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Post(AdvancePhase command, Guid enrolmentId, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var lead = await LeadInCohort.LoadAsync(session, enrolmentId, ct);
        if (lead is null || !lead.CanRun(user)) return (Results.Problem(Problems.NotFound(LeadInCohort.NotFound(enrolmentId))), messages);
        if (Check(command, lead.Progress) is { } problem) return (Results.Problem(problem), messages);

        var now = clock.GetUtcNow();
        var progress = lead.Progress;
        ProgressFlow.MoveTo(progress, PhaseRules.Next(progress)!.Value, now, options.Value, messages, command.Reason!.Trim(), user.UserId());
        var evidence = await ProgressFlow.EvidenceAsync(session, progress.Id, ct);
        ProgressFlow.Advance(progress, evidence, now, options.Value, messages);
        session.Store(progress);
        return (TypedResults.Ok(ProgressView.From(progress, evidence, now, user)), messages);
    }
}
