using Microsoft.OpenApi;

namespace Dsl.Host.Hosting;

public static class DslOpenApi
{
    public const string BearerScheme = "bearer";

    /// <summary>OpenAPI 3.1 at /openapi/v1.json, with the JWT bearer scheme on every secured operation.</summary>
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
                };
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
                if (metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
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
}
