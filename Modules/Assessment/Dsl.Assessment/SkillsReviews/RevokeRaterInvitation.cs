namespace Dsl.Assessment.SkillsReviews;

public static class RevokeRaterInvitationEndpoint
{
    /// <summary>
    /// Revokes a rater's link that has not been answered (the lead, or an admin acting for them): it opens nothing any
    /// more, and the address is deleted. An answered link is 409 (the answer cannot be picked out to remove it).
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverineDelete("/api/assessment/skills-reviews/{id}/raters/{invitationId}", OperationId = "RevokeRaterInvitation")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Revoke a rater's link")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public static async Task<IResult> Delete(Guid id, Guid invitationId, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { Relation: ReviewRelation.Lead or ReviewRelation.Admin })
            return Results.Problem(SkillsReviewAccess.NotFound(id));
        var invitation = await session.LoadAsync<RaterInvitation>(invitationId, ct);
        if (invitation is null || invitation.ReviewId != id)
            return Results.Problem(Problems.NotFound($"There is no rater invitation {invitationId} in review {id}."));
        if (invitation.Status == InvitationStatus.Answered)
            return Results.Problem(Problems.Conflict("The rater has already answered."));
        invitation.Status = InvitationStatus.Revoked;
        session.UpdateRevision(invitation, invitation.Version + 1);
        session.Delete<RaterContact>(invitationId);
        return TypedResults.NoContent();
    }
}
