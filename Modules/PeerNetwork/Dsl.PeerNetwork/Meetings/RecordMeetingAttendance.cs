namespace Dsl.PeerNetwork.Meetings;

/// <param name="Attended">The enrolment ids of the leads who came.</param>
public sealed record RecordMeetingAttendance(IReadOnlyList<Guid>? Attended)
{
    public sealed class Validator : AbstractValidator<RecordMeetingAttendance>
    {
        public Validator() => RuleFor(x => x.Attended).NotNull();
    }
}

public static class RecordMeetingAttendanceEndpoint
{
    public static Task<NetworkMeeting?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => session.LoadAsync<NetworkMeeting>(id, ct);

    public static ProblemDetails Validate(NetworkMeeting? meeting, string region, Guid id) =>
        meeting is not null && meeting.Region == region ? WolverineContinue.NoProblems : Problems.NotFound($"There is no meeting {id} in {region}.");

    /// <summary>Records which of the region's leads came to a network meeting (admin or facilitator).</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePut("/api/peer-network/networks/{region}/meetings/{id}/attendance", OperationId = "RecordNetworkMeetingAttendance")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Record a network meeting's attendance")]
    public static MeetingView Put(RecordMeetingAttendance command, NetworkMeeting meeting, IDocumentSession session)
    {
        meeting.Attended = [.. command.Attended!.Distinct()];
        session.Store(meeting);
        return MeetingView.From(meeting);
    }
}
