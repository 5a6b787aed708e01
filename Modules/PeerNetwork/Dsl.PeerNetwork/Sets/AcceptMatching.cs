using Dsl.PeerNetwork.Contracts;
using Dsl.PeerNetwork.Members;

namespace Dsl.PeerNetwork.Sets;

public static class AcceptMatchingEndpoint
{
    public static Task<MatchingProposal?> LoadAsync(Guid proposalId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<MatchingProposal>(proposalId, ct);

    public static async Task<ProblemDetails> ValidateAsync(MatchingProposal? proposal, Guid proposalId, IQuerySession session,
        CancellationToken ct)
    {
        if (proposal is null) return Problems.NotFound($"There is no matching proposal {proposalId}.");
        if (proposal.AcceptedAt is not null) return Problems.Conflict("This proposal was already accepted.");
        var taken = await SetLookup.AlreadyInSetsAsync(session, proposal.Sets.SelectMany(s => s.Members).Select(m => m.EnrolmentId).ToList(), null, ct);
        return taken.Count > 0
            ? Problems.Conflict($"Since the proposal, these leads joined other sets: {string.Join(", ", taken)}. Match again.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>Forms the proposal's sets, with their sessions generated from the proposal's cadence (admin or facilitator).</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/peer-network/sets/matching/{proposalId}/accept", OperationId = "AcceptMatchingProposal")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Accept a matching proposal")]
    public static async Task<(IReadOnlyList<SetView>, OutgoingMessages)> Post([NotBody] MatchingProposal proposal, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var region = ProgrammeRegions.Find(proposal.Region)?.Name ?? proposal.Region;
        var messages = new OutgoingMessages();
        var views = new List<SetView>();
        var number = await session.Query<ActionLearningSet>().CountAsync(s => s.Region == proposal.Region, ct);
        foreach (var proposed in proposal.Sets)
        {
            var ids = proposed.Members.Select(m => m.EnrolmentId).ToList();
            var members = await session.LoadManyAsync<NetworkMember>(ct, ids);
            var command = new CreateSet($"{region} action learning set {++number}", proposal.Region, proposed.FacilitatorId,
                proposal.Delivery, proposal.CadenceWeeks, proposal.FirstSessionAt, proposal.SessionCount, null, ids);
            var set = SetForming.Form(command, proposed.FacilitatorId, members.OrderBy(m => ids.IndexOf(m.Id)), now);
            session.Insert(set);
            proposal.FormedSetIds.Add(set.Id);
            messages.Add(set.Describe(new ActionLearningSetFormed(), now));
            views.Add(SetView.From(set));
        }
        proposal.AcceptedAt = now;
        session.Store(proposal);
        return (views, messages);
    }
}
