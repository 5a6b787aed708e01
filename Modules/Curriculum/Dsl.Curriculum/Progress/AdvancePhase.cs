using Dsl.Curriculum.Contracts;

namespace Dsl.Curriculum.Progress;

/// <param name="Phase">The phase the lead has now reached: the next one after their current phase.</param>
public sealed record AdvancePhase(ProgrammePhase? Phase)
{
    public sealed class Validator : AbstractValidator<AdvancePhase>
    {
        public Validator() => RuleFor(x => x.Phase).NotNull().NotEqual(ProgrammePhase.Learning)
            .WithMessage("phase must be reflectivePlanning, embedding or completed.");
    }
}

public static class AdvancePhaseEndpoint
{
    public static Task<LeadProgress?> LoadAsync(Guid enrolmentId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<LeadProgress>(enrolmentId, ct);

    public static ProblemDetails Validate(AdvancePhase command, LeadProgress? progress, Guid enrolmentId)
    {
        if (progress is null) return Problems.NotFound($"There is no progress record for enrolment {enrolmentId}.");
        if (!progress.Open) return Problems.Conflict("The lead's progress record is closed.");
        return command.Phase == progress.Phase + 1
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"The lead is in {progress.Phase}; the next phase is {progress.Phase + 1}.");
    }

    /// <summary>Records that a lead reached the next phase (admin or facilitator); reaching completed finishes the programme.</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/curriculum/progress/{enrolmentId}/phase", OperationId = "AdvancePhase")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Advance a lead to the next phase")]
    public static (LeadProgress, IMartenOp, OutgoingMessages) Post(AdvancePhase command, LeadProgress progress,
        TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var phase = command.Phase!.Value;
        progress.Phase = phase;
        progress.Phases.Add(new PhaseChange(phase, now));
        var messages = new OutgoingMessages { new LeadProgressed { Phase = phase }.About(progress, now) };
        if (phase == ProgrammePhase.Completed)
        {
            progress.Open = false;
            progress.ClosedAt = now;
            messages.Add(new ProgrammeCompleted().About(progress, now));
        }
        return (progress, MartenOps.Store(progress), messages);
    }
}
