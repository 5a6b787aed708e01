using JasperFx;

namespace Dsl.Enrolment.Cohorts;

public enum DeliveryMode { FaceToFace, Virtual, Blended }

/// <summary>A group of leads trained together in one academic year and region (or nationally).</summary>
public sealed class Cohort : IRevisioned
{
    public const string National = ProgrammeRegions.National;

    public Guid Id { get; set; }
    public string AcademicYearId { get; set; } = "";
    /// <summary>Programme region code, or "national".</summary>
    public string Region { get; set; } = "";
    public DeliveryMode DeliveryMode { get; set; }
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public int Capacity { get; set; }
    /// <summary>The facilitator's user id (token subject).</summary>
    public string? FacilitatorId { get; set; }
    public int Version { get; set; }
}

/// <summary>A cohort as read: with its places taken, places left and waitlist length.</summary>
public sealed record CohortView(
    Guid Id, string AcademicYearId, string Region, DeliveryMode DeliveryMode, string Name, DateOnly StartsOn,
    int Capacity, string? FacilitatorId, int PlacesTaken, int PlacesLeft, int WaitlistLength, int Version)
{
    public static CohortView From(Cohort c, CohortOccupancy o) => new(c.Id, c.AcademicYearId, c.Region, c.DeliveryMode,
        c.Name, c.StartsOn, c.Capacity, c.FacilitatorId, o.PlacesTaken, Math.Max(0, c.Capacity - o.PlacesTaken),
        o.WaitlistLength, c.Version);
}

public sealed record CohortOccupancy(int PlacesTaken, int WaitlistLength)
{
    public static readonly CohortOccupancy Empty = new(0, 0);
}
