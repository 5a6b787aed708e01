using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Dsl.Assessment.SkillsReviews;

public sealed record InviteRater(RaterGroup Group, string Email)
{
    public sealed class Validator : AbstractValidator<InviteRater>
    {
        public Validator()
        {
            RuleFor(x => x.Group).IsInEnum();
            RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress();
        }
    }
}

/// <param name="Link">The rater's single-use questionnaire address: shown only here, for the lead to send.</param>
public sealed record RaterInvitationCreated(Guid Id, RaterGroup Group, string Link, DateTimeOffset ExpiresAt);

public static class InviteRaterEndpoint
{
    /// <summary>
    /// Nominates a rater (the lead, or an admin acting for them) while the review is open: a single-use link, valid
    /// for Dsl:Assessment:RaterLinkExpiry (at most until the review's deadline), returned once (no-store, so an Idempotency-Key retry makes a fresh link).
    /// The address is kept apart from the answers and deleted at close. Publishes dsl.assessment.rater-invited.v1
    /// (review and invitation ids only).
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/skills-reviews/{id}/raters", OperationId = "InviteRater")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Invite a rater to a management-skills review")]
    [ProducesResponseType<RaterInvitationCreated>(StatusCodes.Status201Created)]
    public static async Task<(IResult, OutgoingMessages)> Post(Guid id, InviteRater command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, IOptions<AssessmentOptions> options, HttpRequest request, HttpResponse response, IConfiguration configuration,
        CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { Relation: ReviewRelation.Lead or ReviewRelation.Admin } found)
            return (Results.Problem(SkillsReviewAccess.NotFound(id)), messages);
        if (found.Review.Status == SkillsReviewStatus.Closed)
            return (Results.Problem(Problems.Conflict("The review is closed.")), messages);

        var now = clock.GetUtcNow();
        var token = RaterTokens.New();
        var invitation = new RaterInvitation
        {
            Id = Guid.CreateVersion7(now), ReviewId = id, EnrolmentId = found.Review.EnrolmentId, Group = command.Group,
            TokenHash = RaterTokens.HashOf(token), Status = InvitationStatus.Pending, InvitedAt = now,
            // A link never outlives the review it is for.
            ExpiresAt = Min(now + options.Value.RaterLinkExpiry, found.Review.Deadline), Version = 1,
        };
        session.Insert(invitation);
        session.Insert(new RaterContact
        {
            Id = invitation.Id, ReviewId = id, EnrolmentId = invitation.EnrolmentId, Email = command.Email.Trim(),
        });
        messages.Add(new RaterInvited
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, Region = found.Review.Region, ReviewId = id, InvitationId = invitation.Id,
        });
        response.Headers.CacheControl = "no-store";
        var link = PublicLinks.For(request, configuration, RaterTokens.PathFor(token));
        return (TypedResults.Created($"/api/assessment/skills-reviews/{id}/raters/{invitation.Id}",
            new RaterInvitationCreated(invitation.Id, invitation.Group, link, invitation.ExpiresAt)), messages);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

/// <summary>Rater links: 256 random bits, URL-safe; only the SHA-256 is stored, so a database copy opens no questionnaire.</summary>
public static class RaterTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PathFor(string token) => $"/api/assessment/rater-invitations/{token}";
}
