namespace Dsl.Enrolment.Settings;

public sealed record GetSettingsQuery : PageQuery
{
    /// <summary>Programme region code.</summary>
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "phase")] public SettingPhase? Phase { get; set; }
    [FromQuery(Name = "funding")] public Funding? Funding { get; set; }
    /// <summary>Part of the setting's name, any case.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public sealed class Validator : AbstractValidator<GetSettingsQuery>
    {
        public Validator()
        {
            Include(new PageQueryValidator());
            RuleFor(x => x.Region).ProgrammeRegion().When(x => x.Region is not null);
            RuleFor(x => x.Q).MaximumLength(100);
        }
    }
}

public static class GetSettingsEndpoint
{
    /// <summary>Settings in URN order, filtered by region, phase, funding and name.</summary>
    [Authorize]
    [WolverineGet("/api/settings", OperationId = "GetSettings")]
    [Tags(ApiTags.Settings)]
    [EndpointSummary("List settings")]
    public static async Task<Page<Setting>> Get([AsParameters] GetSettingsQuery query, IQuerySession session,
        CancellationToken ct)
    {
        var after = query.After ?? "";
        var settings = session.Query<Setting>().Where(s => s.Urn.CompareTo(after) > 0);
        if (query.Region is not null) settings = settings.Where(s => s.Region == query.Region);
        if (query.Phase is not null) settings = settings.Where(s => s.Phase == query.Phase);
        if (query.Funding is { } funding)
        {
            var independent = Setting.IndependentTypes;
            settings = funding == Funding.Independent
                ? settings.Where(s => s.Type.In(independent))
                : settings.Where(s => !s.Type.In(independent));
        }
        if (!string.IsNullOrWhiteSpace(query.Q)) settings = settings.Where(s => s.Name.Contains(query.Q, StringComparison.OrdinalIgnoreCase));

        var page = await settings.OrderBy(s => s.Urn).Take(query.Take + 1).ToListAsync(ct);
        return page.ToPage(query.Take, s => s.Urn);
    }
}
