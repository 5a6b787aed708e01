using Dsl.PeerNetwork.Contracts;
using JasperFx;

namespace Dsl.PeerNetwork.Sets;

public enum SetDelivery { Virtual, FaceToFace }

public enum SetStatus { Active, BelowMinimum, Completed }

/// <summary>
/// An action learning set: 5–8 leads of one region and a facilitator meeting every few weeks. Holds its
/// sessions, attendance and presenters' actions; confidential notes live apart (<see cref="Sessions.SessionNote"/>).
/// </summary>
public sealed class ActionLearningSet : IRevisioned
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Region { get; set; } = "";
    public string? FacilitatorId { get; set; }
    public SetDelivery Delivery { get; set; }
    public int CadenceWeeks { get; set; }
    public int SessionCount { get; set; }
    /// <summary>The video link of a virtual set, or the venue of a face-to-face one.</summary>
    public string? LinkOrVenue { get; set; }
    public SetStatus Status { get; set; }
    public List<SetMember> Members { get; set; } = [];
    public List<SetSession> Sessions { get; set; } = [];
    public List<SetAction> Actions { get; set; } = [];
    public DateTimeOffset FormedAt { get; set; }
    /// <summary>The members' setting URNs, active or not: a lead's token names their setting, not their enrolment.</summary>
    public List<string> SettingUrns { get; set; } = [];
    public List<Guid> ActiveMemberIds { get; set; } = [];
    /// <summary>Members already flagged at risk for missing two sessions in a row (flagged once per set).</summary>
    public List<Guid> FlaggedAtRisk { get; set; } = [];
    public int Version { get; set; }

    public IEnumerable<SetMember> ActiveMembers => Members.Where(m => m.LeftAt is null);

    public bool IsOpen => Status != SetStatus.Completed;

    /// <summary>The active member a lead's token stands for, if any.</summary>
    public SetMember? MemberFor(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Lead) && user.SettingUrn() is { } urn ? ActiveMembers.FirstOrDefault(m => m.SettingUrn == urn) : null;

    public bool IsFacilitatedBy(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Facilitator) && FacilitatorId is not null && FacilitatorId == user.UserId();

    /// <summary>The set's own people: its active members and its facilitator (who alone see notes).</summary>
    public bool IsInside(ClaimsPrincipal user) => MemberFor(user) is not null || IsFacilitatedBy(user);

    /// <summary>Who may read the set: its people, and admins.</summary>
    public bool CanRead(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || IsInside(user);

    public void Reindex()
    {
        SettingUrns = Members.Select(m => m.SettingUrn).Distinct().ToList();
        ActiveMemberIds = ActiveMembers.Select(m => m.EnrolmentId).ToList();
    }

    public void Generate(DateTimeOffset firstSessionAt)
    {
        Sessions = Enumerable.Range(1, SessionCount)
            .Select(n => new SetSession { Number = n, StartsAt = firstSessionAt.AddDays(7 * CadenceWeeks * (n - 1)), LinkOrVenue = LinkOrVenue })
            .ToList();
    }

    public T Describe<T>(T @event, DateTimeOffset at) where T : ActionLearningSetIntegrationEvent =>
        (T)((ActionLearningSetIntegrationEvent)@event with
        {
            EventId = Guid.CreateVersion7(at), OccurredAt = at, Region = Region, SetId = Id, FacilitatorId = FacilitatorId,
            MemberCount = ActiveMembers.Count(),
        });
}

public sealed class SetMember
{
    public Guid EnrolmentId { get; set; }
    public string SettingUrn { get; set; } = "";
    public string? SettingPhase { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
}

public sealed class SetSession
{
    public int Number { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public string? LinkOrVenue { get; set; }
    /// <summary>The members who attended, once the facilitator recorded attendance; null before.</summary>
    public List<Guid>? Attended { get; set; }
    /// <summary>The members who presented (the planned presenters who attended), fixed when attendance is recorded.</summary>
    public List<Guid> Presented { get; set; } = [];
    public bool Held => Attended is not null;
}

public enum SessionActionStatus { Open, Done, Dropped }

/// <summary>A presenter's action: carried to every later agenda while open.</summary>
public sealed class SetAction
{
    public Guid Id { get; set; }
    public Guid OwnerEnrolmentId { get; set; }
    public string What { get; set; } = "";
    public DateOnly? ByWhen { get; set; }
    public int FromSession { get; set; }
    public SessionActionStatus Status { get; set; }
    public int? ClosedAtSession { get; set; }
}
