using Dsl.Curriculum.Contracts;

namespace Dsl.Enrolment.Enrolments;

/// <summary>Curriculum reports a lead's phase: it counts as activity, and decides whether a later withdrawal frees the setting's place.</summary>
public static class LeadProgressedHandler
{
    public static Events Handle(LeadProgressed message, [WriteAggregate(Required = false)] Enrolment? enrolment)
    {
        // Phase messages may arrive out of order; a lead never moves back a phase.
        if (enrolment is not { Status: EnrolmentStatus.Confirmed } || enrolment.Phase >= message.Phase) return [];
        return [new PhaseReached(message.Phase, message.OccurredAt)];
    }
}
