using Dsl.BuildingBlocks.Postgres;
using Dsl.Host.Security;

namespace Dsl.Host.Hosting;

/// <summary>The "embedded default": a private PostgreSQL when no ConnectionStrings:Dsl is configured.</summary>
public static class EmbeddedDatabase
{
    /// <summary>Development when neither an environment nor a connection string is configured; otherwise what is configured.</summary>
    public static string? DefaultEnvironment(string[] args)
    {
        var explicitEnvironment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                                  ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        if (explicitEnvironment is not null || args.Any(a => a.StartsWith("--environment"))) return null;
        return string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__Dsl"))
            ? Environments.Development : null;
    }

    public static async Task<EmbeddedPostgres?> StartIfNeeded(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Dsl"))) return null;

        var directory = Path.Combine(SigningKeys.DataDirectory(builder.Configuration), "postgres");
        try
        {
            var postgres = await EmbeddedPostgres.StartAsync(directory);
            // Where the data is, especially when it could not be under .dsl (a clone in a folder private to root).
            Console.WriteLine(postgres.Describe());
            builder.Configuration["ConnectionStrings:Dsl"] = postgres.ConnectionString;
            builder.Configuration["Dsl:Embedded"] = "true";
            return postgres;
        }
        catch (EmbeddedPostgresException e)
        {
            Console.Error.WriteLine($"DSL could not start its embedded PostgreSQL: {e.Message}");
            Environment.Exit(1);
            return null;
        }
    }

    public static void PrintWelcome(WebApplication app, EmbeddedPostgres postgres) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
            Console.WriteLine($"""

                DSL is running with its embedded PostgreSQL.
                  Database    127.0.0.1:{postgres.Port}, cluster in {postgres.DataDirectory}
                  API         {url}/api
                  OpenAPI     {url}/openapi/v1.json
                  Scalar      {url}/scalar
                  Health      {url}/health/ready
                  Token       dotnet run --project Dsl.Host -- dev-token --role admin
                Press Ctrl+C to stop; the database stops with it.

                """);
        });
}
