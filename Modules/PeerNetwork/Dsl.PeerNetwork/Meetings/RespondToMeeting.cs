namespace Dsl.PeerNetwork.Meetings;

public sealed record RespondToMeeting(bool? Going)
{
    public sealed class Validator : AbstractValidator<RespondToMeeting>
    {
        public Validator() => RuleFor(x => x.Going).NotNull();
    }
}

public static class RespondToMeetingEndpoint
{
    public static Task<NetworkMeeting?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => session.LoadAsync<NetworkMeeting>(id, ct);

    public static async Task<ProblemDetails> ValidateAsync(NetworkMeeting? meeting, string region, Guid id, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct) =>
        meeting is not null && meeting.Region == region && await MeetingAccess.MemberAsync(user, region, session, ct) is not null
            ? WolverineContinue.NoProblems
            : Problems.NotFound($"There is no meeting {id} in a network you belong to.");

    /// <summary>A lead of the region says whether they will come (only the lead; others 404).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverinePut("/api/peer-network/networks/{region}/meetings/{id}/rsvp", OperationId = "RespondToNetworkMeeting")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Answer a network meeting invitation")]
    public static async Task<MeetingView> Put(RespondToMeeting command, NetworkMeeting meeting, string region, ClaimsPrincipal user,
        IDocumentSession session, CancellationToken ct)
    {
        var member = (await MeetingAccess.MemberAsync(user, region, session, ct))!;
        meeting.Rsvps[member.Id] = command.Going!.Value;
        session.Store(meeting);
        return MeetingView.From(meeting);
    }
}
