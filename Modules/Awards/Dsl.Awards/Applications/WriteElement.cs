using Dsl.Awards.Eligibility;

namespace Dsl.Awards.Applications;

/// <param name="Statement">The statement of impact for the element: what changed for pupils and staff, and how the setting knows.</param>
/// <param name="Evidence">The evidence behind it (at most 20 items).</param>
public sealed record WriteElement(string Statement, IReadOnlyList<EvidenceItem>? Evidence)
{
    public sealed class Validator : AbstractValidator<WriteElement>
    {
        public Validator()
        {
            RuleFor(x => x.Statement).NotEmpty().MaximumLength(8000);
            RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= 20).WithMessage("At most 20 evidence items per element.");
            RuleForEach(x => x.Evidence).ChildRules(item =>
            {
                item.RuleFor(i => i.Title).NotEmpty().MaximumLength(200);
                item.RuleFor(i => i.Description).NotEmpty().MaximumLength(2000);
                item.RuleFor(i => i.Link).Must(l => l is null || (Uri.TryCreate(l, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
                    .WithMessage("link must be an absolute https URL.");
                item.RuleFor(i => i.Date).NotEmpty();
            });
        }
    }
}

public static class WriteElementEndpoint
{
    public static Task<AwardApplication?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<AwardApplication>(id, ct);

    public static ProblemDetails Validate(AwardApplication? application, string code, ClaimsPrincipal user)
    {
        if (ApplicationAccess.CheckWriter(user, application) is { Status: not null } hidden) return hidden;
        if (!AwardCriteria.Current.ElementCodes.Contains(code)) return Problems.NotFound($"There is no element '{code}'.");
        return application!.Status is ApplicationStatus.Draft or ApplicationStatus.MoreEvidenceRequested
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"The application is {ApplicationAccess.Camel(application.Status)}; statements change only in a draft or when more evidence is requested.");
    }

    /// <summary>
    /// Writes an element's statement of impact and its evidence items (the setting's head or lead; requires If-Match),
    /// replacing what the element had. Allowed in a draft and while the assessor has asked for more evidence.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePut("/api/awards/applications/{id}/elements/{code}", OperationId = "WriteAwardApplicationElement")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Write an element's statement and evidence")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public static IResult Put(WriteElement command, string code, AwardApplication application, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, TimeProvider clock, HttpResponse response)
    {
        if (ETags.CheckIfMatch(ifMatch, application.Version) is { } stale) return Results.Problem(stale);
        application.Elements[code] = new ElementStatement(command.Statement.Trim(), command.Evidence ?? [], clock.GetUtcNow());
        session.UpdateToNextRevision(application, response);
        return TypedResults.Ok(ApplicationView.From(application, AwardCriteria.Current));
    }
}
