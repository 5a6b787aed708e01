namespace Dsl.Awards.Awards;

/// <param name="Reason">Why the award is withdrawn (kept with the award; not in the public event).</param>
public sealed record RevokeAward(string Reason)
{
    public sealed class Validator : AbstractValidator<RevokeAward>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
    }
}

public static class RevokeAwardEndpoint
{
    public static Task<Award?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => session.LoadAsync<Award>(id, ct);

    public static ProblemDetails Validate(Award? award) =>
        award is null ? Problems.NotFound(AwardAccess.NotFound)
        : award.Status == AwardStatus.Revoked ? Problems.Conflict("The award is already revoked.")
        : WolverineContinue.NoProblems;

    /// <summary>
    /// Revokes an award (admin) with a reason: its credential's bit in the public revocation status list is set, so
    /// the next verification of the credential fails its status check.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/awards/{id}/revocation", OperationId = "RevokeAward")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Revoke an award")]
    [ProducesResponseType<AwardView>(StatusCodes.Status200OK)]
    public static (AwardView, OutgoingMessages) Post(RevokeAward command, Award award, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        award.Status = AwardStatus.Revoked;
        award.RevokedAt = now;
        award.RevocationReason = command.Reason.Trim();
        session.Store(award);
        return (AwardView.From(award), [award.About(new AwardRevoked { RevokedAt = now }, now)]);
    }
}
