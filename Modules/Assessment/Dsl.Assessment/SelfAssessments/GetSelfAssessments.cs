namespace Dsl.Assessment.SelfAssessments;

public sealed record GetSelfAssessmentsQuery : PageQuery
{
    /// <summary>The setting's URN (required).</summary>
    [FromQuery(Name = "settingUrn")] public string? SettingUrn { get; set; }

    public sealed class Validator : AbstractValidator<GetSelfAssessmentsQuery>
    {
        public Validator()
        {
            Include(new PageQueryValidator());
            RuleFor(x => x.SettingUrn).NotEmpty();
        }
    }
}

public static class GetSelfAssessmentsEndpoint
{
    /// <summary>A setting's self-assessments, oldest first (whoever may read the setting's assessment records).</summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/self-assessments", OperationId = "GetSelfAssessments")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("List a setting's self-assessments")]
    [ProducesResponseType<Page<SelfAssessment>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get([AsParameters] GetSelfAssessmentsQuery query, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct)
    {
        var urn = query.SettingUrn!;
        if (!await AssessmentAccess.CanReadSetting(user, urn, session, ct))
            return TypedResults.Ok(new List<SelfAssessment>().ToPage(query.Take, s => s.StartedAt.UtcTicks.ToString()));
        var after = long.TryParse(query.After, out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : DateTimeOffset.MinValue;
        var items = await session.Query<SelfAssessment>()
            .Where(s => s.SettingUrn == urn && s.StartedAt > after)
            .OrderBy(s => s.StartedAt).Take(query.Take + 1).ToListAsync(ct);
        return TypedResults.Ok(items.ToPage(query.Take, s => s.StartedAt.UtcTicks.ToString()));
    }
}
