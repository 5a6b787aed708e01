using Dsl.Assessment.Enrolments;

namespace Dsl.Assessment.SkillsReviews;

/// <summary>What a user is to a lead's management-skills review.</summary>
public enum ReviewRelation
{
    None,
    /// <summary>Sees the review and records for support (and the demo), but never coaching content.</summary>
    Admin,
    Lead,
    /// <summary>The facilitator of the lead's cohort: their coach.</summary>
    Coach,
}

/// <summary>
/// The review is about the lead as a person, so it is narrower than the setting's records (ADR 0022): the lead, their
/// cohort's facilitator as coach, and admins. Heads, assessors and other facilitators get the 404 a missing review gets.
/// </summary>
public static class SkillsReviewAccess
{
    public static async Task<ReviewRelation> RelationAsync(ClaimsPrincipal user, AssessedEnrolment? enrolment, IQuerySession session,
        CancellationToken ct)
    {
        if (enrolment is null) return ReviewRelation.None;
        if (user.IsInRole(Roles.Lead) && user.SettingUrn() == enrolment.SettingUrn) return ReviewRelation.Lead;
        if (user.IsInRole(Roles.Facilitator) && await AssessmentAccess.IsFacilitator(user, enrolment.CohortId, session, ct))
            return ReviewRelation.Coach;
        return user.IsInRole(Roles.Admin) ? ReviewRelation.Admin : ReviewRelation.None;
    }

    /// <summary>The review and the user's relation to it, or null when they may not see it (answered 404).</summary>
    public static async Task<(SkillsReview Review, ReviewRelation Relation)?> FindAsync(Guid id, ClaimsPrincipal user, IQuerySession session,
        CancellationToken ct)
    {
        var review = await session.LoadAsync<SkillsReview>(id, ct);
        if (review is null) return null;
        var relation = await RelationAsync(user, await session.LoadAsync<AssessedEnrolment>(review.EnrolmentId, ct), session, ct);
        return relation == ReviewRelation.None ? null : (review, relation);
    }

    public static ProblemDetails NotFound(Guid id) => Problems.NotFound($"There is no management-skills review {id}.");
}
