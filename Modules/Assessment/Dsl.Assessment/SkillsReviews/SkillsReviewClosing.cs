using Dsl.Assessment.DevelopmentPlans;
using Dsl.Assessment.SkillsFramework;

namespace Dsl.Assessment.SkillsReviews;

/// <summary>
/// Closing computes the report once from the answers in hand and then deletes the answers and the raters'
/// addresses: a later answer cannot change the figures, so no before/after difference isolates one rater.
/// </summary>
internal static class SkillsReviewClosing
{
    public static async Task CloseAsync(SkillsReview review, IDocumentSession session, DateTimeOffset now, OutgoingMessages messages,
        CancellationToken ct)
    {
        var responses = await session.Query<RaterResponse>().Where(r => r.ReviewId == review.Id).ToListAsync(ct);
        (Guid, SkillsReport)? start = null;
        if (review.Stage == SkillsReviewStage.End)
        {
            var first = await session.Query<SkillsReview>()
                .FirstOrDefaultAsync(r => r.EnrolmentId == review.EnrolmentId && r.Stage == SkillsReviewStage.Start, ct);
            if (first?.Report is { } report) start = (first.Id, report);
        }
        review.Report = SkillsReportRules.Compute(await Competencies.AllAsync(session, ct), review.SelfRatings, responses, start, now,
            Random.Shared);
        review.Status = SkillsReviewStatus.Closed;
        review.ClosedAt = now;
        session.DeleteWhere<RaterResponse>(r => r.ReviewId == review.Id);
        session.DeleteWhere<RaterContact>(c => c.ReviewId == review.Id);

        if (review.Stage == SkillsReviewStage.End
            && await session.LoadAsync<DevelopmentPlan>(review.EnrolmentId, ct) is { Items.Count: > 0 })
            messages.Add(new SkillsReviewCompleted
            {
                EventId = Guid.CreateVersion7(now), OccurredAt = now, Region = review.Region, EnrolmentId = review.EnrolmentId,
                SettingUrn = review.SettingUrn, ReviewId = review.Id, Stage = review.Stage,
            });
    }
}
