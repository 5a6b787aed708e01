namespace Dsl.Enrolment.Settings;

/// <summary>The fields to change; omitted fields keep their value.</summary>
public sealed record ChangeSetting(
    string? Ukprn, string? Name, SettingType? Type, SettingPhase? Phase, string? LocalAuthority, string? Region,
    SettingStatus? Status)
{
    public sealed class Validator : AbstractValidator<ChangeSetting>
    {
        public Validator()
        {
            RuleFor(x => x.Ukprn).Ukprn().When(x => x.Ukprn is not null);
            RuleFor(x => x.Name).SettingName().When(x => x.Name is not null);
            RuleFor(x => x.LocalAuthority).NotEmpty().MaximumLength(100).When(x => x.LocalAuthority is not null);
            RuleFor(x => x.Region).ProgrammeRegion().When(x => x.Region is not null);
        }
    }
}

public static class ChangeSettingEndpoint
{
    public static Task<Setting?> LoadAsync(string urn, IQuerySession session, CancellationToken ct) =>
        GetSettingEndpoint.LoadAsync(urn, session, ct);

    public static ProblemDetails Validate(Setting? setting, string urn) => GetSettingEndpoint.Validate(setting, urn);

    /// <summary>Changes a setting's details (admin). Requires If-Match.</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePatch("/api/settings/{urn}", OperationId = "ChangeSetting")]
    [Tags(ApiTags.Settings)]
    [EndpointSummary("Change a setting")]
    [ProducesResponseType<Setting>(StatusCodes.Status200OK)]
    public static IResult Patch(ChangeSetting command, Setting setting, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, HttpResponse response)
    {
        if (ETags.CheckIfMatch(ifMatch, setting.Version) is { } stale) return Results.Problem(stale);

        setting.Ukprn = command.Ukprn ?? setting.Ukprn;
        setting.Name = command.Name?.Trim() ?? setting.Name;
        setting.Type = command.Type ?? setting.Type;
        setting.Phase = command.Phase ?? setting.Phase;
        setting.LocalAuthority = command.LocalAuthority?.Trim() ?? setting.LocalAuthority;
        setting.Region = command.Region ?? setting.Region;
        setting.Status = command.Status ?? setting.Status;
        session.UpdateToNextRevision(setting, response);
        return TypedResults.Ok(setting);
    }
}
