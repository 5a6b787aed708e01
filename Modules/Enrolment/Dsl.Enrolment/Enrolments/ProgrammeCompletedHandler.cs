using Dsl.Curriculum.Contracts;

namespace Dsl.Enrolment.Enrolments;

/// <summary>Curriculum reports the programme finished: the enrolment is completed.</summary>
public static class ProgrammeCompletedHandler
{
    public static (Events, OutgoingMessages) Handle(ProgrammeCompleted message,
        [WriteAggregate(Required = false)] Enrolment? enrolment)
    {
        if (enrolment is not { Status: EnrolmentStatus.Confirmed }) return ([], []);
        return ([new ProgrammeFinished(message.OccurredAt)],
            [new EnrolmentCompleted().About(enrolment, message.OccurredAt)]);
    }
}
