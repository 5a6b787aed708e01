using Dsl.Assessment.Framework;

namespace Dsl.Assessment.Profiles;

/// <param name="Elements">The element codes the session served.</param>
public sealed record LogTraining(DateOnly? Date, TrainingKind? Kind, string Topic, List<string>? Elements, int? StaffAttending,
    double? Hours)
{
    public sealed class Validator : AbstractValidator<LogTraining>
    {
        public Validator()
        {
            RuleFor(x => x.Date).NotNull();
            RuleFor(x => x.Kind).NotNull();
            RuleFor(x => x.Topic).NotEmpty().MaximumLength(300);
            RuleForEach(x => x.Elements).Must(c => SeedSelfAssessmentFramework.ElementCodes.Contains(c))
                .WithMessage("Each element must be one of the eight element codes.");
            RuleFor(x => x.StaffAttending).NotNull().InclusiveBetween(1, 10000);
            RuleFor(x => x.Hours).NotNull().GreaterThan(0).LessThanOrEqualTo(100);
        }
    }
}

public static class LogTrainingEndpoint
{
    /// <summary>Adds a staff training session to the log: date, kind, topic, elements, staff attending, hours (the setting's lead or head, or an admin acting for it).</summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/settings/{urn}/profile/training", OperationId = "LogStaffTraining")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Log a staff training session")]
    [ProducesResponseType<TrainingSession>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(string urn, LogTraining command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (!AssessmentAccess.CanWrite(user, urn)) return Results.Problem(GetProfileEndpoint.NotFound(urn));
        var training = new TrainingSession(Guid.CreateVersion7(clock.GetUtcNow()), command.Date!.Value, command.Kind!.Value,
            command.Topic.Trim(), command.Elements ?? [], command.StaffAttending!.Value, command.Hours!.Value);
        var profile = await session.LoadAsync<LeadProfile>(urn, ct);
        if (profile is null)
        {
            profile = new LeadProfile { Id = urn, TrainingLog = [training], Version = 1 };
            session.Insert(profile);
            response.SetETag(profile.Version);
        }
        else
        {
            profile.TrainingLog.Add(training);
            session.UpdateToNextRevision(profile, response);
        }
        return TypedResults.Created($"/api/assessment/settings/{urn}/profile", training);
    }
}
