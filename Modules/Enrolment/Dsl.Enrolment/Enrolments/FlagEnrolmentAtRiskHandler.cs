namespace Dsl.Enrolment.Enrolments;

/// <summary>Another module (e.g. after a missed workshop) flags a lead at risk of dropping out.</summary>
public static class FlagEnrolmentAtRiskHandler
{
    public static (Events, OutgoingMessages) Handle(FlagEnrolmentAtRisk command,
        [WriteAggregate(Required = false)] Enrolment? enrolment, TimeProvider clock)
    {
        if (enrolment is null || !enrolment.IsActive) return ([], []);
        var now = clock.GetUtcNow();
        return ([new MarkedAtRisk(command.Reason, now)], [new EnrolmentAtRisk { Reason = command.Reason }.About(enrolment, now)]);
    }
}
