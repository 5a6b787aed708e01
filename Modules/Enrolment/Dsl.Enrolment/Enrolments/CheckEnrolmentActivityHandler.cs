using Dsl.Enrolment.Placement;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Enrolments;

/// <summary>
/// Looks at one confirmed enrolment for a lead who has gone quiet: sent by the daily sweep (ADR 0041). Until 2026-12
/// one was scheduled for every confirmation; those still scheduled arrive here too.
/// </summary>
[MessageIdentity("dsl.enrolment.check-activity.v1")]
public sealed record CheckEnrolmentActivity(Guid EnrolmentId);

public static class CheckEnrolmentActivityHandler
{
    /// <summary>
    /// Marks a confirmed enrolment at risk when nothing has happened on it for the inactivity period; otherwise does
    /// nothing (the daily sweep looks again).
    /// </summary>
    public static (Events, OutgoingMessages) Handle(CheckEnrolmentActivity command,
        [WriteAggregate(Required = false)] Enrolment? enrolment, TimeProvider clock, IOptions<EnrolmentOptions> options)
    {
        if (enrolment is not { Status: EnrolmentStatus.Confirmed } || enrolment.AtRisk) return ([], []);
        var now = clock.GetUtcNow();
        if (now - enrolment.LastActivityAt < options.Value.InactivityPeriod) return ([], []);
        const string reason = "noActivity";
        return ([new MarkedAtRisk(reason, now)], [new EnrolmentAtRisk { Reason = reason }.About(enrolment, now)]);
    }
}
