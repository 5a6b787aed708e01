using Dsl.PeerNetwork.Members;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.PeerNetwork.Sets;

/// <param name="Region">The programme region whose unplaced leads to match.</param>
/// <param name="AcademicYear">Only leads of this academic year (e.g. "2025-26"); all years when omitted.</param>
/// <param name="FacilitatorIds">Facilitators to assign round-robin; the region's cohort facilitators when omitted.</param>
/// <param name="Delivery">For the sets formed on acceptance (default virtual).</param>
/// <param name="CadenceWeeks">For the sets formed on acceptance, 4 to 8 (default 6).</param>
/// <param name="SessionCount">For the sets formed on acceptance, at least 4 (default 6).</param>
/// <param name="FirstSessionAt">For the sets formed on acceptance (default four weeks from now).</param>
public sealed record MatchSets(string Region, string? AcademicYear, IReadOnlyList<string>? FacilitatorIds, SetDelivery? Delivery,
    int? CadenceWeeks, int? SessionCount, DateTimeOffset? FirstSessionAt)
{
    public sealed class Validator : AbstractValidator<MatchSets>
    {
        public Validator()
        {
            RuleFor(x => x.Region).Must(ProgrammeRegions.Exists).WithMessage($"region must be one of {ProgrammeRegions.Codes}.");
            RuleFor(x => x.AcademicYear).MaximumLength(20);
            RuleForEach(x => x.FacilitatorIds).NotEmpty().MaximumLength(200);
            RuleFor(x => x.CadenceWeeks).InclusiveBetween(4, 8);
            RuleFor(x => x.SessionCount).InclusiveBetween(4, 20);
        }
    }
}

public static class MatchSetsEndpoint
{
    /// <summary>
    /// Proposes action learning sets for the region's leads not yet in an active set (admin or facilitator): sets of
    /// 5–8 sharing their settings' phase, cohorts spread, facilitators round-robin; the rest wait with a reason.
    /// The same leads always give the same proposal.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/peer-network/sets/matching", OperationId = "MatchActionLearningSets")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Propose action learning sets for a region")]
    public static async Task<(Created<MatchingProposal>, IMartenOp)> Post(MatchSets command, IQuerySession session, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var members = session.Query<NetworkMember>().Where(m => m.Region == command.Region);
        if (command.AcademicYear is not null) members = members.Where(m => m.AcademicYear == command.AcademicYear);
        var candidates = await members.ToListAsync(ct);
        var placed = await SetLookup.AlreadyInSetsAsync(session, candidates.Select(c => c.Id).ToList(), null, ct);
        var facilitators = command.FacilitatorIds ?? (await session.Query<NetworkCohort>()
                .Where(c => c.Region == command.Region && c.FacilitatorId != null).ToListAsync(ct))
            .Select(c => c.FacilitatorId!).ToList();

        var result = SetMatcher.Match(
            candidates.Where(c => !placed.Contains(c.Id)).Select(c => new MatchCandidate(c.Id, c.SettingPhase, c.SettingType, c.CohortId)),
            facilitators);
        var proposal = new MatchingProposal
        {
            Id = Guid.CreateVersion7(now), Region = command.Region, AcademicYear = command.AcademicYear,
            Delivery = command.Delivery ?? SetDelivery.Virtual, CadenceWeeks = command.CadenceWeeks ?? 6,
            SessionCount = command.SessionCount ?? 6, FirstSessionAt = command.FirstSessionAt ?? now.AddDays(28), ProposedAt = now,
            Sets = result.Sets.Select(s => new ProposedSet(
                s.Members.Select(m => new ProposedMember(m.EnrolmentId, SetMatcher.PhaseOf(m))).ToList(), s.FacilitatorId, s.PhaseMix)).ToList(),
            Waiting = [.. result.Waiting],
        };
        return (TypedResults.Created($"/api/peer-network/sets/matching/{proposal.Id}", proposal), MartenOps.Insert(proposal));
    }
}

public static class GetMatchingProposalEndpoint
{
    public static Task<MatchingProposal?> LoadAsync(Guid proposalId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<MatchingProposal>(proposalId, ct);

    public static ProblemDetails Validate(MatchingProposal? proposal, Guid proposalId) =>
        proposal is null ? Problems.NotFound($"There is no matching proposal {proposalId}.") : WolverineContinue.NoProblems;

    /// <summary>A matching proposal: its sets with their phase mix, and why each waiting lead waits (admin or facilitator).</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverineGet("/api/peer-network/sets/matching/{proposalId}", OperationId = "GetMatchingProposal")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Get a matching proposal")]
    public static MatchingProposal Get(MatchingProposal proposal) => proposal;
}
