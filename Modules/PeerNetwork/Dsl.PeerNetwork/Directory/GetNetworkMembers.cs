using Dsl.PeerNetwork.Members;

namespace Dsl.PeerNetwork.Directory;

public sealed record GetNetworkMembersQuery : PageQuery
{
    public sealed class Validator : AbstractValidator<GetNetworkMembersQuery>
    {
        public Validator() => Include(new PageQueryValidator(Cursors.IsGuidKey));
    }
}

/// <summary>A lead who chose to be listed, as their peers see them.</summary>
public sealed record ListedMember(Guid EnrolmentId, string DisplayName, string? About, string? SettingPhase);

public static class GetNetworkMembersEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(string region, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var notFound = Problems.NotFound($"There is no peer network {region} you belong to.");
        if (!ProgrammeRegions.Exists(region)) return notFound;
        if (user.IsInRole(Roles.Facilitator)) return WolverineContinue.NoProblems;
        if (!user.IsInRole(Roles.Lead)) return notFound;
        // A lead sees their own region's directory only: their setting must be a member of it.
        var setting = user.SettingUrn();
        return setting is not null && await session.Query<NetworkMember>().AnyAsync(m => m.SettingUrn == setting && m.Region == region, ct)
            ? WolverineContinue.NoProblems
            : notFound;
    }

    /// <summary>The network's directory: only leads who opted in (only to the region's leads and facilitators; others 404).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverineGet("/api/peer-network/networks/{region}/members", OperationId = "GetNetworkMembers")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("List a network's directory")]
    public static async Task<Page<ListedMember>> Get(string region, [AsParameters] GetNetworkMembersQuery query,
        IQuerySession session, CancellationToken ct)
    {
        var after = query.After is { } key ? Guid.Parse(key) : Guid.Empty;
        var members = await session.Query<NetworkMember>()
            .Where(m => m.Region == region && m.Directory!.Listed && m.Id.CompareTo(after) > 0)
            .OrderBy(m => m.Id).Take(query.Take + 1).ToListAsync(ct);
        return members.ToPage(query.Take, m => m.Id.ToString())
            .Select(m => new ListedMember(m.Id, m.Directory!.DisplayName!, m.Directory.About, m.SettingPhase));
    }
}
