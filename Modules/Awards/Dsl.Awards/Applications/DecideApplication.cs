using Dsl.Awards.Awards;
using Dsl.Awards.Credentials;
using Dsl.Awards.Eligibility;
using Dsl.Awards.Journeys;
using Microsoft.Extensions.Configuration;

namespace Dsl.Awards.Applications;

public enum DecisionOutcome { Awarded, NotAwarded }

/// <param name="Outcome">awarded (every element judged met) or notAwarded.</param>
/// <param name="Feedback">The assessor's feedback to the setting.</param>
public sealed record DecideApplication(DecisionOutcome Outcome, string? Feedback)
{
    public sealed class Validator : AbstractValidator<DecideApplication>
    {
        public Validator()
        {
            RuleFor(x => x.Feedback).MaximumLength(8000);
            RuleFor(x => x.Feedback).NotEmpty().When(x => x.Outcome == DecisionOutcome.NotAwarded)
                .WithMessage("feedback is required when the application is not awarded.");
        }
    }
}

public static class DecideApplicationEndpoint
{
    public static Task<AwardApplication?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<AwardApplication>(id, ct);

    public static ProblemDetails Validate(DecideApplication command, AwardApplication? application, ClaimsPrincipal user)
    {
        if (ApplicationAccess.CheckReviewer(user, application) is { Status: not null } problem) return problem;
        if (command.Outcome != DecisionOutcome.Awarded) return WolverineContinue.NoProblems;
        var notMet = AwardCriteria.Current.ElementCodes
            .Where(code => application!.Judgements.GetValueOrDefault(code)?.Outcome != JudgementOutcome.Met).ToList();
        return notMet.Count == 0
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"An award needs every element judged met; not met (or not judged): {string.Join(", ", notMet)}.",
                new Dictionary<string, object?> { ["elementsNotMet"] = notMet });
    }

    /// <summary>
    /// Decides the application (the assigned assessor): awarded — every element judged met — grants the award, valid
    /// three years, with its Open Badges 3.0 credential; notAwarded closes it with feedback. Either way the assessor's
    /// access to the setting's records ends.
    /// </summary>
    [Authorize(Roles = AwardsRoles.Reviewers)]
    [WolverinePost("/api/awards/applications/{id}/decision", OperationId = "DecideAwardApplication")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Decide an award application")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Post(DecideApplication command, AwardApplication application, IDocumentSession session,
        AwardSigningKeys keys, IConfiguration configuration, HttpRequest request, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        application.Feedback = command.Feedback?.Trim();
        application.DecidedAt = now;
        application.Status = command.Outcome == DecisionOutcome.Awarded ? ApplicationStatus.Awarded : ApplicationStatus.NotAwarded;
        if (command.Outcome == DecisionOutcome.Awarded)
        {
            var journey = await SettingJourneys.LoadAsync(session, application.SettingUrn, ct);
            var renewed = application.RenewsAwardId is { } renews ? await session.LoadAsync<Award>(renews, ct) : null;
            var allocation = await session.LoadAsync<StatusListAllocation>(StatusListAllocation.RevocationId, ct) ?? new StatusListAllocation();
            var award = AwardIssue.Grant(application, journey?.SettingName ?? application.SettingUrn, renewed, allocation.Next,
                IssuerUrls.For(request, configuration), keys, now);
            allocation.Next++;
            session.Store(allocation);
            session.Insert(award);
            application.AwardId = award.Id;
            messages.AddRange(AwardIssue.Follow(award, now));
        }
        session.UpdateToNextRevision(application, response);
        messages.Add(new ApplicationClosed(application.Id, application.SettingUrn, application.AssessorId ?? "", now));
        return (TypedResults.Ok(ApplicationView.From(application, AwardCriteria.Current)), messages);
    }
}
