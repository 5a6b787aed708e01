using Dsl.Enrolment.Placement;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Enrolments;

/// <summary>Scheduled when a place is confirmed: looks for a lead who has gone quiet.</summary>
[MessageIdentity("dsl.enrolment.check-activity.v1")]
public sealed record CheckEnrolmentActivity(Guid EnrolmentId);

public static class CheckEnrolmentActivityHandler
{
    /// <summary>
    /// Marks a confirmed enrolment at risk when nothing has happened on it for the inactivity period;
    /// otherwise checks again one period after its last activity.
    /// </summary>
    public static (Events, OutgoingMessages) Handle(CheckEnrolmentActivity command,
        [WriteAggregate(Required = false)] Enrolment? enrolment, TimeProvider clock, IOptions<EnrolmentOptions> options)
    {
        if (enrolment is not { Status: EnrolmentStatus.Confirmed } || enrolment.AtRisk) return ([], []);
        var now = clock.GetUtcNow();
        var quietSince = enrolment.LastActivityAt;
        var period = options.Value.InactivityPeriod;
        if (now - quietSince < period)
        {
            var again = new OutgoingMessages();
            again.Schedule(command, quietSince + period);
            return ([], again);
        }
        const string reason = "noActivity";
        return ([new MarkedAtRisk(reason, now)], [new EnrolmentAtRisk { Reason = reason }.About(enrolment, now)]);
    }
}
