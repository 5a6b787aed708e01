using Dsl.Awards.Eligibility;

namespace Dsl.Awards.Applications;

/// <param name="Missing">What is missing, in words the setting can act on.</param>
/// <param name="ElementCodes">The elements it concerns (optional).</param>
public sealed record RequestEvidence(string Missing, IReadOnlyList<string>? ElementCodes)
{
    public sealed class Validator : AbstractValidator<RequestEvidence>
    {
        public Validator()
        {
            RuleFor(x => x.Missing).NotEmpty().MaximumLength(4000);
            RuleForEach(x => x.ElementCodes).Must(c => AwardCriteria.Current.ElementCodes.Contains(c))
                .WithMessage($"Each element code must be one of {string.Join(", ", AwardCriteria.Elements)}.");
        }
    }
}

public static class RequestEvidenceEndpoint
{
    public static Task<AwardApplication?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<AwardApplication>(id, ct);

    public static ProblemDetails Validate(AwardApplication? application, ClaimsPrincipal user) => ApplicationAccess.CheckReviewer(user, application);

    /// <summary>
    /// Asks the setting for more evidence (the assigned assessor): the application becomes moreEvidenceRequested, the
    /// setting edits its statements and submits again, and it returns to the same assessor.
    /// </summary>
    [Authorize(Roles = AwardsRoles.Reviewers)]
    [WolverinePost("/api/awards/applications/{id}/evidence-requests", OperationId = "RequestAwardEvidence")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Ask the setting for more evidence")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public static IResult Post(RequestEvidence command, AwardApplication application, IDocumentSession session, TimeProvider clock, HttpResponse response)
    {
        application.EvidenceRequests.Add(new EvidenceRequest(command.Missing.Trim(), command.ElementCodes ?? [], clock.GetUtcNow(), null));
        application.Status = ApplicationStatus.MoreEvidenceRequested;
        session.UpdateToNextRevision(application, response);
        return TypedResults.Ok(ApplicationView.From(application, AwardCriteria.Current));
    }
}
