using Dsl.Assessment.Provision;

namespace Dsl.Assessment.Interventions;

/// <summary>An aggregate record: no names, initials, dates of birth or pupil numbers; unknown fields are rejected.</summary>
/// <param name="PupilsReached">How many pupils took part (a count).</param>
/// <param name="OutcomeMeasure">The measure used, e.g. SDQ, RCADS, WEMWBS, goal-based outcomes.</param>
public sealed record RecordIntervention(string Name, ProvisionTier? Tier, InterventionProvider? Provider, DateOnly? StartsOn,
    DateOnly? EndsOn, int? PupilsReached, string? OutcomeMeasure, AggregateResult? Before, AggregateResult? After)
{
    public sealed class Validator : AbstractValidator<RecordIntervention>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Tier).NotNull();
            RuleFor(x => x.Provider).NotNull();
            RuleFor(x => x.StartsOn).NotNull();
            RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.EndsOn is not null && x.StartsOn is not null);
            RuleFor(x => x.PupilsReached).NotNull().GreaterThanOrEqualTo(0);
            RuleFor(x => x.OutcomeMeasure).MaximumLength(100);
            RuleFor(x => x.Before!.N).GreaterThan(0).LessThanOrEqualTo(x => x.PupilsReached ?? int.MaxValue)
                .When(x => x.Before is not null).OverridePropertyName("before.n");
            RuleFor(x => x.After!.N).GreaterThan(0).LessThanOrEqualTo(x => x.PupilsReached ?? int.MaxValue)
                .When(x => x.After is not null).OverridePropertyName("after.n");
        }
    }
}

public static class RecordInterventionEndpoint
{
    /// <summary>
    /// Records an intervention in the setting's register, aggregate only — never pupil-level data (the setting's lead
    /// or head).
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/settings/{urn}/interventions", OperationId = "RecordIntervention")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Record an intervention")]
    [ProducesResponseType<Intervention>(StatusCodes.Status201Created)]
    public static IResult Post(string urn, RecordIntervention command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock)
    {
        if (!AssessmentAccess.CanWrite(user, urn)) return Results.Problem(Problems.NotFound($"There is no interventions register for setting {urn}."));
        var now = clock.GetUtcNow();
        var intervention = new Intervention
        {
            Id = Guid.CreateVersion7(now), SettingUrn = urn, Name = command.Name.Trim(), Tier = command.Tier!.Value,
            Provider = command.Provider!.Value, StartsOn = command.StartsOn!.Value, EndsOn = command.EndsOn,
            PupilsReached = command.PupilsReached!.Value, OutcomeMeasure = command.OutcomeMeasure, Before = command.Before,
            After = command.After, RecordedAt = now,
        };
        session.Insert(intervention);
        return TypedResults.Created($"/api/assessment/settings/{urn}/interventions/{intervention.Id}", intervention);
    }
}
