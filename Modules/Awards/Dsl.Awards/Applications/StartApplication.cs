using Dsl.Awards.Awards;
using Dsl.Awards.Eligibility;
using Dsl.Awards.Journeys;

namespace Dsl.Awards.Applications;

/// <param name="Kind">award (the first) or renewal (of a current award, in its last six months).</param>
public sealed record StartApplication(string SettingUrn, ApplicationKind Kind)
{
    public sealed class Validator : AbstractValidator<StartApplication>
    {
        public Validator() => RuleFor(x => x.SettingUrn).Urn("settingUrn");
    }
}

public static class StartApplicationEndpoint
{
    /// <summary>
    /// Starts a draft award (or renewal) application for the setting (its head or lead, or an admin). A setting has one
    /// open application at a time (409 naming it). Eligibility is checked when it is submitted. Send Idempotency-Key to retry safely.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/awards/applications", OperationId = "StartAwardApplication")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Start an award application")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(StartApplication command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (!SettingAccess.CanSee(user, command.SettingUrn))
            return Results.Problem(Problems.Invalid("settingUrn", "You can apply only for your own setting."));
        var journey = await SettingJourneys.LoadAsync(session, command.SettingUrn, ct);
        if (journey is null || journey.EnrolmentId == Guid.Empty)
            return Results.Problem(Problems.Invalid("settingUrn", $"Setting {command.SettingUrn} has no confirmed enrolment in the programme."));
        var open = await session.Query<AwardApplication>().Where(a => a.SettingUrn == command.SettingUrn).ToListAsync(ct);
        if (open.FirstOrDefault(a => a.IsOpen) is { } existing)
            return Results.Problem(Problems.Conflict($"The setting already has an open application {existing.Id}; finish or withdraw it first.",
                new Dictionary<string, object?> { ["applicationId"] = existing.Id }));
        Guid? renews = null;
        if (command.Kind == ApplicationKind.Renewal)
        {
            var current = await AwardLookup.CurrentAsync(session, command.SettingUrn, clock.GetUtcNow(), ct);
            if (current is null) return Results.Problem(Problems.Conflict("The setting holds no current award to renew."));
            renews = current.Id;
        }

        var now = clock.GetUtcNow();
        var application = new AwardApplication
        {
            Id = Guid.CreateVersion7(now), SettingUrn = command.SettingUrn, EnrolmentId = journey.EnrolmentId, Region = journey.Region,
            Kind = command.Kind, Status = ApplicationStatus.Draft, CriteriaVersion = AwardCriteria.Current.Version,
            RenewsAwardId = renews, CreatedAt = now, CreatedBy = user.UserId() ?? "", Version = 1,
        };
        session.Insert(application);
        response.SetETag(application.Version);
        return TypedResults.Created($"/api/awards/applications/{application.Id}", ApplicationView.From(application, AwardCriteria.Current));
    }
}
