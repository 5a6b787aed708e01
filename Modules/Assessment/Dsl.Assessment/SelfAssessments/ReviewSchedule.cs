using Dsl.Assessment.Enrolments;

namespace Dsl.Assessment.SelfAssessments;

public static class ReviewSchedule
{
    /// <summary>
    /// Sets the next review's due date in embedding and schedules the durable check that flags it overdue; the check
    /// carries the due date, so a later submission (which moves the date on) makes an earlier check a no-op.
    /// </summary>
    public static void Next(AssessedEnrolment enrolment, DateTimeOffset from, TimeSpan interval, OutgoingMessages messages)
    {
        enrolment.ReviewOverdue = false;
        if (!enrolment.InEmbedding || enrolment.Withdrawn)
        {
            enrolment.NextReviewDue = null;
            return;
        }
        var due = from + interval;
        enrolment.NextReviewDue = due;
        messages.Schedule(new CheckReviewDue(enrolment.Id, due), due);
    }
}
