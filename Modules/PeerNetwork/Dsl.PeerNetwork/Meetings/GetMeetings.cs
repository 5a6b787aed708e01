namespace Dsl.PeerNetwork.Meetings;

public sealed record GetMeetingsQuery : PageQuery
{
    public sealed class Validator : AbstractValidator<GetMeetingsQuery>
    {
        public Validator() => Include(new PageQueryValidator(Cursors.IsGuidKey));
    }
}

public static class GetMeetingsEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(string region, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await MeetingAccess.CanReadAsync(user, region, session, ct) ? WolverineContinue.NoProblems : MeetingAccess.NotFound(region);

    /// <summary>A network's meetings in id order (admins, facilitators, and the region's leads).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverineGet("/api/peer-network/networks/{region}/meetings", OperationId = "GetNetworkMeetings")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("List a network's meetings")]
    public static async Task<Page<MeetingView>> Get(string region, [AsParameters] GetMeetingsQuery query, IQuerySession session, CancellationToken ct)
    {
        var after = query.After is { } key ? Guid.Parse(key) : Guid.Empty;
        var meetings = await session.Query<NetworkMeeting>().Where(m => m.Region == region && m.Id.CompareTo(after) > 0)
            .OrderBy(m => m.Id).Take(query.Take + 1).ToListAsync(ct);
        return meetings.ToPage(query.Take, m => m.Id.ToString()).Select(MeetingView.From);
    }
}
