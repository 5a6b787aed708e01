using Dsl.Assessment.Enrolments;

namespace Dsl.Assessment.SkillsReviews;

public sealed record GetSkillsReviewsQuery : PageQuery
{
    /// <summary>The lead's enrolment (required).</summary>
    [FromQuery(Name = "enrolmentId")] public Guid? EnrolmentId { get; set; }

    public sealed class Validator : AbstractValidator<GetSkillsReviewsQuery>
    {
        public Validator()
        {
            Include(new PageQueryValidator());
            RuleFor(x => x.EnrolmentId).NotEmpty();
        }
    }
}

public static class GetSkillsReviewsEndpoint
{
    /// <summary>
    /// An enrolment's management-skills reviews, start first (the lead, their coach, or an admin; anyone else an
    /// empty page, as for an enrolment with none).
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/skills-reviews", OperationId = "GetSkillsReviews")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("List a lead's management-skills reviews")]
    [ProducesResponseType<Page<SkillsReviewView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get([AsParameters] GetSkillsReviewsQuery query, ClaimsPrincipal user, IQuerySession session,
        CancellationToken ct)
    {
        var enrolmentId = query.EnrolmentId!.Value;
        var views = new List<SkillsReviewView>();
        var enrolment = await session.LoadAsync<AssessedEnrolment>(enrolmentId, ct);
        if (await SkillsReviewAccess.RelationAsync(user, enrolment, session, ct) != ReviewRelation.None)
        {
            var after = long.TryParse(query.After, out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : DateTimeOffset.MinValue;
            var reviews = await session.Query<SkillsReview>().Where(r => r.EnrolmentId == enrolmentId && r.OpenedAt > after)
                .OrderBy(r => r.OpenedAt).Take(query.Take + 1).ToListAsync(ct);
            foreach (var review in reviews) views.Add(await SkillsReviewReads.View(review, session, ct));
        }
        return TypedResults.Ok(views.ToPage(query.Take, v => v.OpenedAt.UtcTicks.ToString()));
    }
}
