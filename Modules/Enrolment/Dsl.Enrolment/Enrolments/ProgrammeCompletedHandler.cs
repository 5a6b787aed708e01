using Dsl.Curriculum.Contracts;

namespace Dsl.Enrolment.Enrolments;

/// <summary>Curriculum reports the programme finished (full, or short with embedding deferred): the enrolment is completed.</summary>
public static class ProgrammeCompletedHandler
{
    public static (Events, OutgoingMessages) Handle(ProgrammeCompleted message,
        [WriteAggregate(Required = false)] Enrolment? enrolment)
    {
        if (enrolment is not { Status: EnrolmentStatus.Confirmed }) return ([], []);
        return ([new ProgrammeFinished(message.OccurredAt, message.Track)],
            [new EnrolmentCompleted().About(enrolment, message.OccurredAt)]);
    }
}
