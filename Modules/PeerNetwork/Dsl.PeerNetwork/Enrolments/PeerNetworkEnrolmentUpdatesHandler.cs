using System.Text.Json.Serialization;
using Dsl.Enrolment.Contracts;
using Dsl.PeerNetwork.Members;
using Wolverine.Attributes;

namespace Dsl.PeerNetwork.Enrolments;

/// <summary>
/// What PeerNetwork takes from Enrolment in batches: a confirmation (the lead joins their region's peer network).
/// Enrolment's message becomes this as it is sent, so PeerNetwork takes confirmations in batches from its own queue
/// (ADR 0038), as every module takes Enrolment's facts; two batches at a time, since a confirmation stands alone.
/// </summary>
[MessageIdentity("dsl.peer-network.enrolment-update.v1")]
public sealed record PeerNetworkEnrolmentUpdate(EnrolmentConfirmed Confirmed)
{
    public const string Queue = "peer-network-enrolments";

    [JsonIgnore]
    public Guid EnrolmentId => Confirmed.EnrolmentId;

    [JsonIgnore]
    public string Region => Confirmed.Region;
}

/// <summary>
/// A batch of confirmations in one transaction: the members read in one round trip, each new one inserted once
/// (a redelivered or repeated confirmation leaves the member as they are).
/// </summary>
public static class PeerNetworkEnrolmentUpdatesHandler
{
    public static async Task Handle(PeerNetworkEnrolmentUpdate[] updates, IDocumentSession session, CancellationToken ct)
    {
        var ids = updates.Select(u => u.Confirmed.EnrolmentId).Distinct().ToArray();
        var members = (await session.LoadManyAsync<NetworkMember>(ct, ids)).Select(m => m.Id).ToHashSet();
        foreach (var confirmed in updates.Select(u => u.Confirmed).Where(c => members.Add(c.EnrolmentId)))
        {
            var member = new NetworkMember { Id = confirmed.EnrolmentId, JoinedAt = confirmed.OccurredAt };
            member.Take(confirmed);
            session.Insert(member);
        }
    }
}
