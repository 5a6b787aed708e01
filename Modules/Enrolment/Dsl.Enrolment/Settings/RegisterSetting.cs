using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.Enrolment.Settings;

/// <param name="Urn">The DfE URN (six digits).</param>
/// <param name="Ukprn">UK provider reference number, where known.</param>
/// <param name="Region">Programme region code (see GET /api/regions).</param>
public sealed record RegisterSetting(
    string Urn, string? Ukprn, string Name, SettingType? Type, SettingPhase? Phase, string LocalAuthority,
    string Region, SettingStatus? Status)
{
    public sealed class Validator : AbstractValidator<RegisterSetting>
    {
        public Validator()
        {
            RuleFor(x => x.Urn).Urn("urn");
            RuleFor(x => x.Ukprn).Ukprn().When(x => x.Ukprn is not null);
            RuleFor(x => x.Name).SettingName();
            RuleFor(x => x.Type).NotNull();
            RuleFor(x => x.Phase).NotNull();
            RuleFor(x => x.LocalAuthority).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Region).ProgrammeRegion();
        }
    }
}

public static class RegisterSettingEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(RegisterSetting command, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Setting>(command.Urn, ct) is null
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"A setting with URN {command.Urn} is already registered.");

    /// <summary>Registers a school or college (admin).</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/settings", OperationId = "RegisterSetting")]
    [Tags(ApiTags.Settings)]
    [EndpointSummary("Register a setting")]
    public static Created<Setting> Post(RegisterSetting command, IDocumentSession session, HttpResponse response)
    {
        var setting = new Setting
        {
            Urn = command.Urn, Ukprn = command.Ukprn, Name = command.Name.Trim(), Type = command.Type!.Value,
            Phase = command.Phase!.Value, LocalAuthority = command.LocalAuthority.Trim(), Region = command.Region,
            Status = command.Status ?? SettingStatus.Open, Version = 1,
        };
        session.Insert(setting);
        response.SetETag(setting.Version);
        return TypedResults.Created($"/api/settings/{setting.Urn}", setting);
    }
}
