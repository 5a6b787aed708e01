using JasperFx;

namespace Dsl.Curriculum.Workshops;

public enum WorkshopDelivery { FaceToFace, Virtual }

public enum WorkshopStatus { Scheduled, Cancelled }

/// <summary>A face-to-face or virtual workshop day of a cohort, covering one or more of the eight elements.</summary>
public sealed class Workshop : IRevisioned
{
    public Guid Id { get; set; }
    public Guid CohortId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Start, stored in UTC (shown for Europe/London in reads).</summary>
    public DateTimeOffset StartsAt { get; set; }
    /// <summary>End, stored in UTC.</summary>
    public DateTimeOffset EndsAt { get; set; }
    public WorkshopDelivery Delivery { get; set; }
    /// <summary>Where a face-to-face workshop is held (null for virtual).</summary>
    public string? Venue { get; set; }
    /// <summary>The join link of a virtual workshop (null for face-to-face).</summary>
    public string? JoinUrl { get; set; }
    /// <summary>The element codes it covers (at least one).</summary>
    public List<string> ElementCodes { get; set; } = [];
    /// <summary>The facilitator running it (user id, token subject).</summary>
    public string? FacilitatorId { get; set; }
    public WorkshopStatus Status { get; set; }
    public string? CancellationReason { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>
    /// 0 when scheduled, +1 on every change or cancellation: the iCalendar SEQUENCE of the workshop's VEVENT, so
    /// calendar apps take the newest version.
    /// </summary>
    public int Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    /// <summary>Marten's numeric revision: the ETag.</summary>
    public int Version { get; set; }

    /// <summary>Length in hours (for the CPD record).</summary>
    public double Hours => Math.Round((EndsAt - StartsAt).TotalHours, 2);
}
