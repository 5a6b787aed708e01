namespace Dsl.PeerNetwork.Sets;

public sealed record ProposedMember(Guid EnrolmentId, string? SettingPhase);

public sealed record ProposedSet(IReadOnlyList<ProposedMember> Members, string? FacilitatorId, IReadOnlyDictionary<string, int> PhaseMix);

/// <summary>A matching run's proposed sets and waiting leads; accepting it forms the sets.</summary>
public sealed class MatchingProposal
{
    public Guid Id { get; set; }
    public string Region { get; set; } = "";
    public string? AcademicYear { get; set; }
    public SetDelivery Delivery { get; set; }
    public int CadenceWeeks { get; set; }
    public int SessionCount { get; set; }
    public DateTimeOffset FirstSessionAt { get; set; }
    public List<ProposedSet> Sets { get; set; } = [];
    public List<WaitingLead> Waiting { get; set; } = [];
    public DateTimeOffset ProposedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public List<Guid> FormedSetIds { get; set; } = [];
}
