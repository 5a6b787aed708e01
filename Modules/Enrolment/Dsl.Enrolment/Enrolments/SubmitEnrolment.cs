using Dsl.Enrolment.Cohorts;
using Dsl.Enrolment.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.Enrolment.Enrolments;

/// <summary>The person a setting nominates as its senior mental health lead.</summary>
public sealed record NominatedLead(string Name, string Email, string JobTitle, bool? OnSeniorLeadershipTeam)
{
    public sealed class Validator : AbstractValidator<NominatedLead>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(254);
            RuleFor(x => x.JobTitle).NotEmpty().MaximumLength(200);
            RuleFor(x => x.OnSeniorLeadershipTeam).NotNull();
        }
    }

    public Lead ToLead(Guid id) => new()
    {
        Id = id, Name = Name.Trim(), Email = Email.Trim(), JobTitle = JobTitle.Trim(),
        OnSeniorLeadershipTeam = OnSeniorLeadershipTeam!.Value,
    };
}

/// <param name="SettingUrn">The setting taking its one funded place.</param>
/// <param name="Track">full, or short (learning and reflective/planning now, embedding later).</param>
public sealed record SubmitEnrolment(string SettingUrn, NominatedLead Lead, Guid? CohortId, Track? Track)
{
    public sealed class Validator : AbstractValidator<SubmitEnrolment>
    {
        public Validator()
        {
            RuleFor(x => x.SettingUrn).Urn("settingUrn");
            RuleFor(x => x.Lead).NotNull().SetValidator(new NominatedLead.Validator());
            RuleFor(x => x.CohortId).NotNull();
            RuleFor(x => x.Track).NotNull();
        }
    }
}

/// <summary>What a submission is checked against, read in one round trip.</summary>
public sealed record SubmissionContext(Setting? Setting, Cohort? Cohort, SettingPlace? Existing);

public static class SubmitEnrolmentEndpoint
{
    public static async Task<SubmissionContext> LoadAsync(SubmitEnrolment command, IQuerySession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var setting = batch.Load<Setting>(command.SettingUrn);
        var cohort = batch.Load<Cohort>(command.CohortId!.Value);
        var existing = batch.Load<SettingPlace>(command.SettingUrn);
        await batch.Execute(ct);
        return new SubmissionContext(await setting, await cohort, await existing);
    }

    public static ProblemDetails Validate(SubmitEnrolment command, SubmissionContext context, ClaimsPrincipal user)
    {
        if (!EnrolmentAccess.CanActFor(user, command.SettingUrn))
            return Problems.Create(403, "forbidden", "Forbidden", "A head may only enrol a lead for their own setting.");
        if (context.Setting is null) return Problems.Invalid("settingUrn", $"There is no setting with URN {command.SettingUrn}.");
        if (context.Setting.Status != SettingStatus.Open)
            return Problems.Conflict($"Setting {context.Setting.Urn} is closed and cannot enrol.");
        if (context.Cohort is null) return Problems.Invalid("cohortId", $"There is no cohort {command.CohortId}.");
        return context.Existing is not { } existing
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"Setting {command.SettingUrn} already has an enrolment ({existing.EnrolmentId}); " +
                                "a setting may enrol again only if its lead withdrew before the embedding phase.",
                new Dictionary<string, object?> { ["enrolmentId"] = existing.EnrolmentId });
    }

    /// <summary>Enrols a lead for a setting (the setting's head, or admin). Starts awaiting endorsement.</summary>
    [Authorize(Roles = Roles.AdminOrHead)]
    [WolverinePost("/api/enrolments", OperationId = "SubmitEnrolment")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("Submit an enrolment")]
    public static (Created<EnrolmentView>, IStartStream, IMartenOp, IMartenOp, EnrolmentSubmitted) Post(
        SubmitEnrolment command, SubmissionContext context, TimeProvider clock, HttpResponse response)
    {
        var (setting, cohort) = (context.Setting!, context.Cohort!);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var lead = command.Lead.ToLead(Guid.CreateVersion7(now));
        var started = new EnrolmentStarted(id, setting.Urn, setting.Funding, setting.Region, cohort.Id,
            cohort.AcademicYearId, command.Track!.Value, lead.Id, now, setting.Phase, setting.Type);
        var enrolment = Enrolment.Create(started);
        enrolment.Version = 1;

        response.SetETag(enrolment.Version);
        return (TypedResults.Created($"/api/enrolments/{id}", EnrolmentView.From(enrolment, lead)),
            MartenOps.StartStream<Enrolment>(id, started),
            MartenOps.Insert(lead),
            // Insert, not store: a concurrent second submission for the setting fails here and rolls back whole.
            MartenOps.Insert(new SettingPlace { Id = setting.Urn, EnrolmentId = id }),
            new EnrolmentSubmitted { Track = EnrolmentAccess.Camel(command.Track.Value) }.About(enrolment, now));
    }
}
