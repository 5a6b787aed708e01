using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Curriculum.Contracts;

/// <summary>What every workshop event carries: the workshop, its cohort and when it runs (no names, venues' notes or reasons).</summary>
public abstract record WorkshopIntegrationEvent : IntegrationEvent
{
    public Guid WorkshopId { get; init; }
    public Guid CohortId { get; init; }
    /// <summary>Academic year id, e.g. "2026-27".</summary>
    public string AcademicYear { get; init; } = "";
    /// <summary>Start in UTC.</summary>
    public DateTimeOffset StartsAt { get; init; }
    /// <summary>End in UTC.</summary>
    public DateTimeOffset EndsAt { get; init; }
    /// <summary>Grows on every change or cancellation (the calendar SEQUENCE): the highest is the newest.</summary>
    public int Sequence { get; init; }

    protected override string SubjectId => WorkshopId.ToString();
}

/// <summary>A workshop was scheduled for a cohort, or its time, delivery or elements changed (Sequence &gt; 0).</summary>
[MessageIdentity("dsl.curriculum.workshop-scheduled.v1")]
public sealed record WorkshopScheduled : WorkshopIntegrationEvent
{
    /// <summary>faceToFace or virtual.</summary>
    public string Delivery { get; init; } = "";
    /// <summary>The element codes the workshop covers.</summary>
    public IReadOnlyList<string> ElementCodes { get; init; } = [];
}

/// <summary>A workshop was cancelled (it stays listed, as cancelled).</summary>
[MessageIdentity("dsl.curriculum.workshop-cancelled.v1")]
public sealed record WorkshopCancelled : WorkshopIntegrationEvent;
