using System.Security.Claims;
using Dsl.BuildingBlocks.Http;
using Dsl.BuildingBlocks.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Dsl.PeerNetwork.Members;

public static class GetMemberEndpoint
{
    public static Task<NetworkMember?> LoadAsync(Guid enrolmentId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<NetworkMember>(enrolmentId, ct);

    public static ProblemDetails Validate(NetworkMember? member, Guid enrolmentId, ClaimsPrincipal user)
    {
        var settingUser = user.IsInRole(Roles.Head) || user.IsInRole(Roles.Lead);
        return member is null || (settingUser && !user.IsInRole(Roles.Admin) && user.SettingUrn() != member.SettingUrn)
            ? Problems.NotFound($"Enrolment {enrolmentId} is not a member of a peer network.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>A lead's membership of their regional peer network (admin, facilitator, or the setting's head or lead).</summary>
    [Authorize(Roles = "admin,facilitator,head,lead")]
    [WolverineGet("/api/peer-network/members/{enrolmentId}", OperationId = "GetNetworkMember")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Get a lead's peer network membership")]
    public static NetworkMember Get(NetworkMember member) => member;
}
