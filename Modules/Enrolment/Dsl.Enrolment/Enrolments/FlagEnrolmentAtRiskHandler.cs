namespace Dsl.Enrolment.Enrolments;

/// <summary>
/// Another module (e.g. after a missed workshop) flags a lead at risk of dropping out; a lead already at risk for the
/// same reason has nothing new to say (a flag sent twice, say by a daily sweep and a check scheduled before it).
/// </summary>
public static class FlagEnrolmentAtRiskHandler
{
    public static (Events, OutgoingMessages) Handle(FlagEnrolmentAtRisk command,
        [WriteAggregate(Required = false)] Enrolment? enrolment, TimeProvider clock)
    {
        if (enrolment is null || !enrolment.IsActive || (enrolment.AtRisk && enrolment.AtRiskReason == command.Reason)) return ([], []);
        var now = clock.GetUtcNow();
        return ([new MarkedAtRisk(command.Reason, now)], [new EnrolmentAtRisk { Reason = command.Reason }.About(enrolment, now)]);
    }
}
