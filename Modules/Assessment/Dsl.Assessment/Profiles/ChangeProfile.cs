namespace Dsl.Assessment.Profiles;

/// <summary>The fields to change; omitted fields keep their value. Champions, when given, replace the list.</summary>
public sealed record ChangeProfile(string? RemitStatement, string? SltLine, double? HoursPerWeek, bool? HeadEndorsedRemit,
    DateOnly? HeadEndorsedOn, List<WellbeingChampion>? WellbeingChampions)
{
    public sealed class Validator : AbstractValidator<ChangeProfile>
    {
        public Validator()
        {
            RuleFor(x => x.RemitStatement).MaximumLength(4000);
            RuleFor(x => x.SltLine).MaximumLength(500);
            RuleFor(x => x.HoursPerWeek).InclusiveBetween(0, 60).When(x => x.HoursPerWeek is not null);
            RuleForEach(x => x.WellbeingChampions).ChildRules(c =>
            {
                c.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
                c.RuleFor(x => x.Role).NotEmpty().MaximumLength(200);
            });
        }
    }
}

public static class ChangeProfileEndpoint
{
    /// <summary>
    /// Records the lead's remit, line into the SLT, time per week, the head's endorsement of the remit and the
    /// setting's wellbeing champions (the setting's lead or head, or an admin acting for it; If-Match with the last read's ETag).
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePatch("/api/assessment/settings/{urn}/profile", OperationId = "ChangeLeadProfile")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Change the lead's role, remit and team")]
    [ProducesResponseType<LeadProfile>(StatusCodes.Status200OK)]
    public static async Task<IResult> Patch(string urn, ChangeProfile command, ClaimsPrincipal user,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, TimeProvider clock, HttpResponse response,
        CancellationToken ct)
    {
        if (!AssessmentAccess.CanWrite(user, urn)) return Results.Problem(GetProfileEndpoint.NotFound(urn));
        var profile = await session.LoadAsync<LeadProfile>(urn, ct);
        var isNew = profile is null;
        profile ??= new LeadProfile { Id = urn };
        if (ETags.CheckIfMatch(ifMatch, profile.Version) is { } stale) return Results.Problem(stale);
        profile.RemitStatement = command.RemitStatement?.Trim() ?? profile.RemitStatement;
        profile.SltLine = command.SltLine?.Trim() ?? profile.SltLine;
        profile.HoursPerWeek = command.HoursPerWeek ?? profile.HoursPerWeek;
        if (command.HeadEndorsedRemit is { } endorsed)
        {
            profile.HeadEndorsedRemit = endorsed;
            profile.HeadEndorsedOn = endorsed ? command.HeadEndorsedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : null;
        }
        profile.WellbeingChampions = command.WellbeingChampions ?? profile.WellbeingChampions;
        if (isNew)
        {
            profile.Version = 1;
            session.Insert(profile);
            response.SetETag(profile.Version);
        }
        else
        {
            session.UpdateToNextRevision(profile, response);
        }
        return TypedResults.Ok(profile);
    }
}
