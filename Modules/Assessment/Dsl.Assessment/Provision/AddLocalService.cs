using Dsl.Assessment.Framework;

namespace Dsl.Assessment.Provision;

/// <param name="Elements">The element codes the service supports.</param>
/// <param name="ContactRole">A role to contact, not a person's name.</param>
public sealed record AddLocalService(string Name, ServiceKind? Kind, ProvisionTier? Tier, string? AgesServed,
    string? ReferralRoute, List<string>? Elements, string? ContactRole, string? Url)
{
    public sealed class Validator : AbstractValidator<AddLocalService>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Kind).NotNull();
            RuleFor(x => x.Tier).NotNull();
            RuleFor(x => x.AgesServed).MaximumLength(50);
            RuleFor(x => x.ReferralRoute).MaximumLength(1000);
            RuleFor(x => x.ContactRole).MaximumLength(200);
            RuleFor(x => x.Elements).NotEmpty();
            RuleForEach(x => x.Elements).Must(c => SeedSelfAssessmentFramework.ElementCodes.Contains(c))
                .WithMessage("Each element must be one of the eight element codes.");
            RuleFor(x => x.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                .When(x => x.Url is not null).WithMessage("url must be an absolute http(s) address.");
        }
    }
}

public static class AddLocalServiceEndpoint
{
    /// <summary>
    /// Adds a local service to the setting's provision map: kind, tier, ages, referral route, the elements it supports
    /// and a contact role (the setting's lead or head, or an admin acting for it).
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/settings/{urn}/provision", OperationId = "AddLocalService")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Add a local service to the provision map")]
    [ProducesResponseType<LocalService>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(string urn, AddLocalService command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (!AssessmentAccess.CanWrite(user, urn)) return Results.Problem(GetProvisionEndpoint.NotFound(urn));
        var map = await session.LoadAsync<ProvisionMap>(urn, ct);
        var service = new LocalService(Guid.CreateVersion7(clock.GetUtcNow()), command.Name.Trim(), command.Kind!.Value,
            command.Tier!.Value, command.AgesServed, command.ReferralRoute, command.Elements!.Distinct().ToList(),
            command.ContactRole, command.Url);
        if (map is null)
        {
            map = new ProvisionMap { Id = urn, Services = [service], Version = 1 };
            session.Insert(map);
            response.SetETag(map.Version);
        }
        else
        {
            map.Services.Add(service);
            session.UpdateToNextRevision(map, response);
        }
        return TypedResults.Created($"/api/assessment/settings/{urn}/provision", service);
    }
}
