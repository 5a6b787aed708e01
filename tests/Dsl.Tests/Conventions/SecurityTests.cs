using Dsl.Host.Commands;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;

namespace Dsl.Tests.Conventions;

public sealed class SecurityTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task no_token_is_a_401_problem()
    {
        var response = await App.Client(null).GetAsync("/api/curriculum/elements", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task a_token_signed_with_another_key_is_a_401()
    {
        var client = App.Client(null);
        var forged = new Dsl.Host.Security.TokenIssuer(
            new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]), "dsl", "dsl-api").Issue("admin");
        client.DefaultRequestHeaders.Authorization = new("Bearer", forged);

        (await client.GetAsync("/api/regions", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_role_without_permission_is_a_403_problem()
    {
        var response = await App.Client("lead", "100000").PostAsync("/api/academic-years", Body(new { name = "2024/25" }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task health_openapi_and_scalar_are_open_without_a_token()
    {
        var client = App.Client(null);
        (await client.GetAsync("/health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/openapi/v1.json", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/scalar/v1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void every_endpoint_declares_its_authorisation()
    {
        var chains = App.HttpChains();

        chains.ShouldNotBeEmpty();
        var undeclared = chains.Where(c =>
                !HasAttribute<IAuthorizeData>(c) && !HasAttribute<IAllowAnonymous>(c))
            .Select(c => c.RoutePattern!.RawText).ToList();
        undeclared.ShouldBeEmpty();
    }

    [Fact]
    public async Task dev_token_prints_a_token_the_api_accepts()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = DevTokenCommand.Run(["--role", "head", "--setting", "100000", "--name", "Pat"],
                App.Host.Services.GetRequiredService<IConfiguration>());
        }
        finally
        {
            Console.SetOut(original);
        }

        exit.ShouldBe(0);
        var token = output.ToString().Trim();
        token.Split('.').Length.ShouldBe(3);
        var client = App.Client(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await client.GetAsync("/api/regions", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static bool HasAttribute<T>(HttpChain chain) =>
        chain.Method.HandlerType.GetCustomAttributes(true).OfType<T>().Any()
        || chain.Method.Method.GetCustomAttributes(true).OfType<T>().Any();
}
