using System.Security.Claims;
using Dsl.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;
using Wolverine.Http;

namespace Dsl.Rules.Tests;

/// <summary>What rule tests are given: callers, a clock, a response to write headers to; and how problems read.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    /// <summary>A caller as the host's JWT bearer sees one: "role" and "setting" claims.</summary>
    public static ClaimsPrincipal User(string role, string? setting = null, string subject = "user-1")
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        if (setting is not null) claims.Add(new Claim(DslClaims.Setting, setting));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", "name", "role"));
    }

    public static HttpResponse Response() => new DefaultHttpContext().Response;

    /// <summary>
    /// Runs a request's nested <c>Validator</c> (every slice's request has one) and returns the failures by
    /// property, as the validation problem's <c>errors</c> would list them.
    /// </summary>
    public static Dictionary<string, string[]> Validate<TRequest>(this TRequest request)
    {
        var validatorType = typeof(TRequest).GetNestedType("Validator")
            ?? throw new InvalidOperationException($"{typeof(TRequest).Name} has no nested Validator");
        var validator = (FluentValidation.IValidator)Activator.CreateInstance(validatorType)!;
        return validator.Validate(new FluentValidation.ValidationContext<TRequest>(request)).Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
    }

    /// <summary>Whether a slice's Validate let the request through (Wolverine's "no problems" marker).</summary>
    public static bool Passes(this ProblemDetails problem) => ReferenceEquals(problem, WolverineContinue.NoProblems);
}
