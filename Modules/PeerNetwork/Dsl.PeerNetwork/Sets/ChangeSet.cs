using Dsl.PeerNetwork.Members;

namespace Dsl.PeerNetwork.Sets;

/// <summary>The fields to change; omitted fields keep their value.</summary>
/// <param name="AddMembers">Leads of the set's region, in no other active set, to move in (e.g. waiting leads into a set below minimum).</param>
public sealed record ChangeSet(string? Name, string? FacilitatorId, SetDelivery? Delivery, string? LinkOrVenue, IReadOnlyList<Guid>? AddMembers)
{
    public sealed class Validator : AbstractValidator<ChangeSet>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200).When(x => x.Name is not null);
            RuleFor(x => x.FacilitatorId).MaximumLength(200);
            RuleFor(x => x.LinkOrVenue).MaximumLength(500);
        }
    }
}

public static class ChangeSetEndpoint
{
    public static Task<ActionLearningSet?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<ActionLearningSet>(id, ct);

    public static async Task<ProblemDetails> ValidateAsync(ChangeSet command, ActionLearningSet? set, Guid id, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct)
    {
        if (SetLookup.Manageable(set, id, user) is { Status: not null } hidden) return hidden;
        if (set!.Status == SetStatus.Completed) return Problems.Conflict("The set has completed its sessions.");
        var added = (command.AddMembers ?? []).Distinct().Except(set.ActiveMemberIds).ToList();
        if (added.Count == 0) return WolverineContinue.NoProblems;
        if (set.ActiveMemberIds.Count + added.Count > SetMatcher.MaximumSize)
            return Problems.Invalid("addMembers", $"A set has at most {SetMatcher.MaximumSize} members.");
        var members = await session.LoadManyAsync<NetworkMember>(ct, added);
        var outside = added.Except(members.Where(m => m.Region == set.Region).Select(m => m.Id)).ToList();
        if (outside.Count > 0) return Problems.Invalid("addMembers", $"Not members of the {set.Region} network: {string.Join(", ", outside)}.");
        var taken = await SetLookup.AlreadyInSetsAsync(session, added, set.Id, ct);
        return taken.Count > 0 ? Problems.Conflict($"Already in an active set: {string.Join(", ", taken)}.") : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Changes a set (an admin, or its facilitator; requires If-Match): name, facilitator, delivery, link or venue, and
    /// members moved in. A set below minimum that is back to five or more is active again.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePatch("/api/peer-network/sets/{id}", OperationId = "ChangeActionLearningSet")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Change an action learning set")]
    [ProducesResponseType<SetView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Patch(ChangeSet command, ActionLearningSet set, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (ETags.CheckIfMatch(ifMatch, set.Version) is { } stale) return Results.Problem(stale);
        var now = clock.GetUtcNow();
        set.Name = command.Name?.Trim() ?? set.Name;
        set.FacilitatorId = command.FacilitatorId ?? set.FacilitatorId;
        set.Delivery = command.Delivery ?? set.Delivery;
        set.LinkOrVenue = command.LinkOrVenue?.Trim() ?? set.LinkOrVenue;
        var added = (command.AddMembers ?? []).Distinct().Except(set.ActiveMemberIds).ToList();
        foreach (var member in await session.LoadManyAsync<NetworkMember>(ct, added))
        {
            set.Members.RemoveAll(m => m.EnrolmentId == member.Id);
            set.Members.Add(new SetMember { EnrolmentId = member.Id, SettingUrn = member.SettingUrn, SettingPhase = member.SettingPhase, JoinedAt = now });
        }
        set.Reindex();
        if (set.Status == SetStatus.BelowMinimum && set.ActiveMemberIds.Count >= SetMatcher.MinimumSize) set.Status = SetStatus.Active;
        session.UpdateToNextRevision(set, response);
        return TypedResults.Ok(SetView.From(set));
    }
}
