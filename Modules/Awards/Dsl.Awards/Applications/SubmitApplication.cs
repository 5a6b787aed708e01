using Dsl.Awards.Awards;
using Dsl.Awards.Eligibility;
using Dsl.Awards.Journeys;

namespace Dsl.Awards.Applications;

/// <summary>What a submission needs beyond eligibility: a statement of impact for every element.</summary>
public static class SubmissionRules
{
    public static Dictionary<string, string[]> MissingStatements(AwardApplication application, AwardCriteria criteria) =>
        criteria.ElementCodes.Where(code => string.IsNullOrWhiteSpace(application.Elements.GetValueOrDefault(code)?.Statement))
            .ToDictionary(code => $"elements.{code}", _ => new[] { "The element has no statement of impact." });

    /// <summary>The 409 of an ineligible setting, every unmet criterion named (and listed in <c>unmetCriteria</c>).</summary>
    public static ProblemDetails NotEligible(EligibilityResult eligibility) =>
        Problems.Conflict("The setting is not eligible: " + string.Join(" ", eligibility.Unmet.Select(c => $"{c.Code}: {c.Reason}")),
            new Dictionary<string, object?> { ["unmetCriteria"] = eligibility.Unmet.ToList() });
}

public static class SubmitApplicationEndpoint
{
    public static Task<AwardApplication?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<AwardApplication>(id, ct);

    public static async Task<ProblemDetails> ValidateAsync(AwardApplication? application, ClaimsPrincipal user, IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        if (ApplicationAccess.CheckWriter(user, application) is { Status: not null } hidden) return hidden;
        if (application!.Status is not (ApplicationStatus.Draft or ApplicationStatus.MoreEvidenceRequested))
            return Problems.Conflict($"The application is {ApplicationAccess.Camel(application.Status)}; only a draft, or one awaiting more evidence, is submitted.");
        var criteria = AwardCriteria.Find(application.CriteriaVersion) ?? AwardCriteria.Current;
        if (application.Status == ApplicationStatus.Draft)
        {
            var journey = await SettingJourneys.LoadAsync(session, application.SettingUrn, ct);
            var eligibility = application.Kind == ApplicationKind.Award
                ? EligibilityRules.ForAward(application.SettingUrn, journey, criteria)
                : EligibilityRules.ForRenewal(application.SettingUrn, journey,
                    application.RenewsAwardId is { } renews ? await session.LoadAsync<Award>(renews, ct) is { Status: AwardStatus.Active } a ? a : null : null,
                    criteria, clock.GetUtcNow());
            if (!eligibility.Eligible) return SubmissionRules.NotEligible(eligibility);
        }
        var missing = SubmissionRules.MissingStatements(application, criteria);
        return missing.Count > 0 ? Problems.Validation(missing) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Submits the application for assessment (its head or lead). A first submission needs the setting eligible (409
    /// naming every unmet criterion) and a statement for every element (400 naming each one without). After an
    /// evidence request the same call resubmits it to its assessor.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/awards/applications/{id}/submit", OperationId = "SubmitAwardApplication")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Submit an award application")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public static (IResult, OutgoingMessages) Post([NotBody] AwardApplication application, IDocumentSession session, TimeProvider clock, HttpResponse response)
    {
        var now = clock.GetUtcNow();
        application.Status = application.AssessorId is null ? ApplicationStatus.Submitted : ApplicationStatus.UnderReview;
        application.SubmittedAt = now;
        application.EvidenceRequests = application.EvidenceRequests.Select(r => r.AnsweredAt is null ? r with { AnsweredAt = now } : r).ToList();
        session.UpdateToNextRevision(application, response);
        var messages = new OutgoingMessages
        {
            new ApplicationSubmitted
            {
                EventId = Guid.CreateVersion7(now), OccurredAt = now, Region = application.Region, SettingUrn = application.SettingUrn,
                ApplicationId = application.Id, Kind = ApplicationAccess.Camel(application.Kind), SubmittedAt = now,
            },
        };
        return (TypedResults.Ok(ApplicationView.From(application, AwardCriteria.Current)), messages);
    }
}
