using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.Curriculum.Resources;

/// <param name="Title">What the material is called, as its publisher titles it.</param>
/// <param name="Kind">guidance, tool, video, course, article or template.</param>
/// <param name="Url">Where it is published (http or https).</param>
/// <param name="Publisher">Who publishes it, e.g. "DfE", "Anna Freud".</param>
/// <param name="ElementCodes">The elements it supports (at least one).</param>
public sealed record AddResource(string? Title, ResourceKind? Kind, string? Url, string? Publisher, List<string>? ElementCodes)
{
    public sealed class Validator : AbstractValidator<AddResource>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().MaximumLength(ResourceRules.MaxTitle);
            RuleFor(x => x.Kind).NotNull();
            RuleFor(x => x.Url).NotEmpty().MaximumLength(ResourceRules.MaxUrl)
                .Must(ResourceRules.IsHttpUrl).WithMessage("url must be an absolute http or https URL.");
            RuleFor(x => x.Publisher).MaximumLength(ResourceRules.MaxPublisher);
            RuleFor(x => x.ElementCodes).KnownElementCodes();
        }
    }
}

public static class AddResourceEndpoint
{
    /// <summary>Adds a free course material for one or more elements (admin; honours Idempotency-Key).</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/curriculum/resources", OperationId = "AddResource")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Add a course resource")]
    public static Created<ResourceView> Post(AddResource command, IDocumentSession session, HttpResponse response)
    {
        var resource = new Resource
        {
            Id = Guid.CreateVersion7(), Title = command.Title!.Trim(), Kind = command.Kind!.Value, Url = command.Url!.Trim(),
            Publisher = string.IsNullOrWhiteSpace(command.Publisher) ? null : command.Publisher.Trim(),
            ElementCodes = command.ElementCodes!.Distinct().ToList(), Version = 1,
        };
        session.Insert(resource);
        response.SetETag(resource.Version);
        return TypedResults.Created($"/api/curriculum/resources/{resource.Id}", ResourceView.From(resource));
    }
}
