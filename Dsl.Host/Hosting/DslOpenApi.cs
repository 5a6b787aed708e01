using Microsoft.OpenApi;

namespace Dsl.Host.Hosting;

public static partial class DslOpenApi
{
    public const string BearerScheme = "bearer";

    /// <summary>Open Government Licence v3.0: the licence for public-sector information the DfE-funded programme publishes.</summary>
    public static readonly OpenApiLicense Licence = new()
    {
        Name = "Open Government Licence v3.0",
        Url = new Uri("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
    };

    /// <summary>
    /// OpenAPI 3.1 at /openapi/v1.json, with the JWT bearer scheme on every secured operation. Each operation is
    /// titled by the <c>[EndpointSummary]</c> on its endpoint method and explained by the method's XML
    /// <c>&lt;summary&gt;</c> (plus the roles it needs); each tag takes its description from <see cref="ApiTags"/>.
    /// </summary>
    public static IServiceCollection AddDslOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(openApi =>
        {
            openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "DSL — Designated Senior Lead for Mental Health programme API",
                    Version = "v1",
                    Description = "Enrolment, curriculum, assessment, awards and peer network for England's " +
                                  "senior mental health lead training programme. Errors are RFC 9457 problem details.",
                    License = Licence,
                };
                // Relative to wherever this document is served from: no placeholder or localhost address, and no
                // trailing slash to double up with the paths (the default is the request's own "http://host/").
                document.Servers = [new OpenApiServer { Url = "/", Description = "The DSL host serving this document" }];
                if (document.Tags is { Count: > 0 } tags)
                {
                    foreach (var tag in tags) tag.Description ??= ApiTags.DescriptionOf(tag.Name ?? "");
                    var order = ApiTags.Catalogue.Select(t => t.Name).ToList();
                    document.Tags = new HashSet<OpenApiTag>(tags.OrderBy(t => order.IndexOf(t.Name ?? "") is var i and >= 0 ? i : int.MaxValue)
                        .ThenBy(t => t.Name, StringComparer.Ordinal));
                }
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A DSL token; locally: dotnet run --project Dsl.Host -- dev-token --role admin",
                };
                return Task.CompletedTask;
            });
            openApi.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                // The XML comment transformer (generated, it runs first) made the method's <summary> the summary:
                // that sentence is the explanation, and the endpoint's short title becomes the summary.
                if (metadata.OfType<EndpointSummaryAttribute>().LastOrDefault() is { } title)
                {
                    // The comment's line wrapping is not meant as line breaks; blank lines still separate paragraphs.
                    if (!string.IsNullOrWhiteSpace(operation.Summary) && operation.Summary != title.Summary)
                        operation.Description = SoftLineBreak().Replace(operation.Summary.Trim(), " ");
                    operation.Summary = title.Summary;
                }
                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    // An empty requirement is OpenAPI's "no credentials needed" (e.g. a private calendar link, whose
                    // address is the secret), said explicitly rather than left for the reader to guess.
                    operation.Security = [new OpenApiSecurityRequirement()];
                    return Task.CompletedTask;
                }
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                });
                var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Roles).Where(r => r is not null).ToList();
                if (roles.Count > 0)
                    operation.Description = $"{operation.Description}\n\nRoles: {string.Join("; ", roles)}.".Trim();
                return Task.CompletedTask;
            });
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\n)[ \t]*\n[ \t]*(?!\n)")]
    private static partial System.Text.RegularExpressions.Regex SoftLineBreak();
}
