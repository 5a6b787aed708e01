using Dsl.PeerNetwork.Members;

namespace Dsl.PeerNetwork.Directory;

/// <param name="Listed">true to appear in the network's directory (consent), false to withdraw it.</param>
/// <param name="DisplayName">The name peers see; required when listed.</param>
/// <param name="About">A few words peers see (role, interests).</param>
public sealed record ChangeDirectoryListing(bool? Listed, string? DisplayName, string? About)
{
    public sealed class Validator : AbstractValidator<ChangeDirectoryListing>
    {
        public Validator()
        {
            RuleFor(x => x.Listed).NotNull();
            RuleFor(x => x.DisplayName).NotEmpty().When(x => x.Listed == true).WithMessage("displayName is required to be listed.");
            RuleFor(x => x.DisplayName).MaximumLength(100);
            RuleFor(x => x.About).MaximumLength(500);
        }
    }
}

public static class ChangeDirectoryListingEndpoint
{
    public static Task<NetworkMember?> LoadAsync(Guid enrolmentId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<NetworkMember>(enrolmentId, ct);

    // Consent is the lead's own: admins and heads are answered as if the member did not exist.
    public static ProblemDetails Validate(NetworkMember? member, Guid enrolmentId, ClaimsPrincipal user) =>
        member is not null && user.IsInRole(Roles.Lead) && user.SettingUrn() == member.SettingUrn
            ? WolverineContinue.NoProblems
            : Problems.NotFound($"Enrolment {enrolmentId} is not a member of a peer network.");

    /// <summary>
    /// The lead (only) opts in to their network's directory (consent recorded with its date) or withdraws it, which
    /// removes their name and text from every listing at once.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePut("/api/peer-network/members/{enrolmentId}/directory", OperationId = "ChangeDirectoryListing")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Opt in to or out of the network directory")]
    public static (DirectoryListing, IMartenOp) Put(ChangeDirectoryListing command, NetworkMember member, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        member.Directory = command.Listed == true
            ? new DirectoryListing(true, command.DisplayName!.Trim(), command.About?.Trim(),
                member.Directory is { Listed: true } already ? already.ConsentedAt : now, null)
            : new DirectoryListing(false, null, null, member.Directory?.ConsentedAt, now);
        return (member.Directory, MartenOps.Store(member));
    }
}
