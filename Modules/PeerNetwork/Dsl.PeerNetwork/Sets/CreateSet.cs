using Dsl.PeerNetwork.Contracts;
using Dsl.PeerNetwork.Members;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.PeerNetwork.Sets;

/// <param name="FacilitatorId">The facilitator's user id (token subject); a facilitator creating a set defaults to themselves.</param>
/// <param name="CadenceWeeks">Weeks between sessions, 4 to 8.</param>
/// <param name="FirstSessionAt">The first session's date and time, with its offset.</param>
/// <param name="SessionCount">At least 4.</param>
/// <param name="LinkOrVenue">The video link of a virtual set, or the venue of a face-to-face one.</param>
/// <param name="Members">5 to 8 enrolment ids, all members of the region's network and in no other active set.</param>
public sealed record CreateSet(string Name, string Region, string? FacilitatorId, SetDelivery? Delivery, int? CadenceWeeks,
    DateTimeOffset? FirstSessionAt, int? SessionCount, string? LinkOrVenue, IReadOnlyList<Guid>? Members)
{
    public sealed class Validator : AbstractValidator<CreateSet>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Region).Must(ProgrammeRegions.Exists).WithMessage($"region must be one of {ProgrammeRegions.Codes}.");
            RuleFor(x => x.FacilitatorId).MaximumLength(200);
            RuleFor(x => x.Delivery).NotNull();
            RuleFor(x => x.CadenceWeeks).NotNull().InclusiveBetween(4, 8);
            RuleFor(x => x.FirstSessionAt).NotNull();
            RuleFor(x => x.SessionCount).NotNull().InclusiveBetween(4, 20);
            RuleFor(x => x.LinkOrVenue).MaximumLength(500);
            RuleFor(x => x.Members).NotNull()
                .Must(m => m!.Distinct().Count() is >= SetMatcher.MinimumSize and <= SetMatcher.MaximumSize)
                .WithMessage($"members must be {SetMatcher.MinimumSize} to {SetMatcher.MaximumSize} different enrolments.");
        }
    }
}

public static class CreateSetEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(CreateSet command, IQuerySession session, CancellationToken ct)
    {
        var ids = command.Members!.Distinct().ToList();
        var members = await session.LoadManyAsync<NetworkMember>(ct, ids);
        var outside = ids.Except(members.Where(m => m.Region == command.Region).Select(m => m.Id)).ToList();
        if (outside.Count > 0)
            return Problems.Invalid("members", $"Not members of the {command.Region} network: {string.Join(", ", outside)}.");
        var taken = await SetLookup.AlreadyInSetsAsync(session, ids, null, ct);
        return taken.Count > 0
            ? Problems.Conflict($"Already in an active set: {string.Join(", ", taken)}.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>Forms an action learning set of 5–8 leads of one region (admin or facilitator); its sessions follow its cadence.</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/peer-network/sets", OperationId = "CreateActionLearningSet")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Form an action learning set")]
    public static async Task<(Created<SetView>, IMartenOp, ActionLearningSetFormed)> Post(CreateSet command, ClaimsPrincipal user,
        IQuerySession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var members = await session.LoadManyAsync<NetworkMember>(ct, command.Members!.Distinct());
        var set = SetForming.Form(command, command.FacilitatorId ?? (user.IsInRole(Roles.Admin) ? null : user.UserId()),
            members.OrderBy(m => command.Members!.ToList().IndexOf(m.Id)), now);
        response.SetETag(set.Version);
        return (TypedResults.Created($"/api/peer-network/sets/{set.Id}", SetView.From(set)), MartenOps.Insert(set),
            set.Describe(new ActionLearningSetFormed(), now));
    }
}

public static class SetForming
{
    public static ActionLearningSet Form(CreateSet command, string? facilitatorId, IEnumerable<NetworkMember> members, DateTimeOffset now)
    {
        var set = new ActionLearningSet
        {
            Id = Guid.CreateVersion7(now), Name = command.Name.Trim(), Region = command.Region, FacilitatorId = facilitatorId,
            Delivery = command.Delivery!.Value, CadenceWeeks = command.CadenceWeeks!.Value, SessionCount = command.SessionCount!.Value,
            LinkOrVenue = command.LinkOrVenue?.Trim(), Status = SetStatus.Active, FormedAt = now, Version = 1,
            Members = members.Select(m => new SetMember
            {
                EnrolmentId = m.Id, SettingUrn = m.SettingUrn, SettingPhase = m.SettingPhase, JoinedAt = now,
            }).ToList(),
        };
        set.Generate(command.FirstSessionAt!.Value);
        set.Reindex();
        return set;
    }
}
