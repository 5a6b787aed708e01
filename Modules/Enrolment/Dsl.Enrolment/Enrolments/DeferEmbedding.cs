using Dsl.Curriculum.Contracts;

namespace Dsl.Enrolment.Enrolments;

public static class DeferEmbeddingEndpoint
{
    public static ProblemDetails Validate(Enrolment enrolment, ClaimsPrincipal user)
    {
        var problem = EnrolmentAccess.Check(user, enrolment, "defer embedding", EnrolmentStatus.Confirmed);
        if (!ReferenceEquals(problem, WolverineContinue.NoProblems)) return problem;
        if (enrolment.Track != Track.Short) return Problems.Conflict("Only short-track enrolments defer the embedding phase.");
        if (enrolment.EmbeddingDeferred) return Problems.Conflict("Embedding is already deferred.");
        return enrolment.Phase is ProgrammePhase.Embedding or ProgrammePhase.Completed
            ? Problems.Conflict("The lead has already reached the embedding phase.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>A short-track setting puts the embedding phase off until later (the setting's head, or admin).</summary>
    [Authorize(Roles = Roles.AdminOrHead)]
    [WolverinePost("/api/enrolments/{id}/defer-embedding", OperationId = "DeferEmbedding")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("Defer the embedding phase")]
    public static async Task<(EnrolmentView, Events, OutgoingMessages)> Post([WriteAggregate] Enrolment enrolment,
        IQuerySession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var events = new Events { new EmbeddingPostponed(now) };
        return (await enrolment.ViewAfterAsync(events, session, response, ct), events,
            new OutgoingMessages { new EmbeddingDeferred().About(enrolment, now) });
    }
}
