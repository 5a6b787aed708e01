namespace Dsl.PeerNetwork.Members;

public static class GetMemberEndpoint
{
    public static Task<NetworkMember?> LoadAsync(Guid enrolmentId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<NetworkMember>(enrolmentId, ct);

    public static ProblemDetails Validate(NetworkMember? member, Guid enrolmentId, ClaimsPrincipal user) =>
        SettingAccess.Check(user, member?.SettingUrn, $"Enrolment {enrolmentId} is not a member of a peer network.");

    /// <summary>A lead's membership of their regional peer network (admin, facilitator, or the setting's head or lead).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/peer-network/members/{enrolmentId}", OperationId = "GetNetworkMember")]
    [AuditedRead("networkMember")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Get a lead's peer network membership")]
    public static NetworkMember Get(NetworkMember member) => member;
}
