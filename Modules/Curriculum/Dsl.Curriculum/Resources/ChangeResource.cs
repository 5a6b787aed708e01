using Wolverine.Persistence;

namespace Dsl.Curriculum.Resources;

/// <summary>The fields to change; those left out keep their value.</summary>
public sealed record ChangeResource(string? Title, ResourceKind? Kind, string? Url, string? Publisher, List<string>? ElementCodes)
{
    public sealed class Validator : AbstractValidator<ChangeResource>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().MaximumLength(ResourceRules.MaxTitle).When(x => x.Title is not null);
            RuleFor(x => x.Url).MaximumLength(ResourceRules.MaxUrl)
                .Must(ResourceRules.IsHttpUrl).WithMessage("url must be an absolute http or https URL.").When(x => x.Url is not null);
            RuleFor(x => x.Publisher).MaximumLength(ResourceRules.MaxPublisher);
            RuleFor(x => x.ElementCodes).KnownElementCodes().When(x => x.ElementCodes is not null);
        }
    }
}

public static class ChangeResourceEndpoint
{
    /// <summary>Changes a resource's title, kind, address, publisher or elements (admin; requires If-Match).</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePatch("/api/curriculum/resources/{id}", OperationId = "ChangeResource")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Change a course resource")]
    [ProducesResponseType<ResourceView>(StatusCodes.Status200OK)]
    public static IResult Patch(ChangeResource command, [Entity("id")] Resource resource,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, HttpResponse response)
    {
        if (ETags.CheckIfMatch(ifMatch, resource.Version) is { } stale) return Results.Problem(stale);
        if (command.Title is not null) resource.Title = command.Title.Trim();
        if (command.Kind is not null) resource.Kind = command.Kind.Value;
        if (command.Url is not null) resource.Url = command.Url.Trim();
        if (command.Publisher is not null) resource.Publisher = command.Publisher.Trim() is { Length: > 0 } p ? p : null;
        if (command.ElementCodes is not null) resource.ElementCodes = command.ElementCodes.Distinct().ToList();
        session.UpdateToNextRevision(resource, response);
        return TypedResults.Ok(ResourceView.From(resource));
    }
}
