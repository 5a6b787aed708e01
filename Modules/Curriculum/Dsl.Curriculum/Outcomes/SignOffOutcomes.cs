using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Elements;
using Dsl.Curriculum.Progress;

namespace Dsl.Curriculum.Outcomes;

/// <param name="OutcomeCodes">Stable outcome codes, e.g. "ethos-and-environment.1" (GET /api/curriculum/elements lists them).</param>
/// <param name="Evidence">What shows the lead met them.</param>
public sealed record SignOffOutcomes(List<string>? OutcomeCodes, string? Evidence)
{
    public static readonly IReadOnlySet<string> Known =
        SeedElementCatalogue.Load().Elements.SelectMany(Elements.OutcomeCodes.Of).ToHashSet();

    public sealed class Validator : AbstractValidator<SignOffOutcomes>
    {
        public Validator()
        {
            RuleFor(x => x.OutcomeCodes).NotEmpty()
                .Must(codes => codes is null || codes.All(Known.Contains))
                .WithMessage("outcomeCodes must be learning-outcome codes such as ethos-and-environment.1.");
            RuleFor(x => x.Evidence).NotEmpty().MaximumLength(4000);
        }
    }
}

public sealed record OutcomeSignOffView(Guid Id, string OutcomeCode, string ElementCode, string Evidence, DateTimeOffset SignedOffAt,
    DateTimeOffset? WithdrawnAt, string? WithdrawalReason)
{
    public static OutcomeSignOffView From(OutcomeSignOff s) =>
        new(s.Id, s.OutcomeCode, s.ElementCode, s.Evidence, s.SignedOffAt, s.WithdrawnAt, s.WithdrawalReason);
}

/// <summary>A lead's sign-offs, withdrawn ones included, and their progress per element.</summary>
public sealed record OutcomesView(Guid EnrolmentId, List<OutcomeSignOffView> SignOffs, List<ElementProgress> Elements);

public static class SignOffOutcomesEndpoint
{
    /// <summary>
    /// Signs off one or more learning outcomes for a lead with the evidence (admin or the cohort's facilitator); an
    /// outcome already signed off stays as it is. The last sign-off can complete the embedding phase.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/curriculum/progress/{enrolmentId}/outcomes", OperationId = "SignOffOutcomes")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Sign off learning outcomes")]
    [ProducesResponseType<OutcomesView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Post(SignOffOutcomes command, Guid enrolmentId, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var lead = await LeadInCohort.LoadAsync(session, enrolmentId, ct);
        if (lead is null || !lead.CanRun(user)) return (Results.Problem(Problems.NotFound(LeadInCohort.NotFound(enrolmentId))), messages);
        if (!lead.Progress.Open) return (Results.Problem(Problems.Conflict("The lead's progress record is closed.")), messages);

        var now = clock.GetUtcNow();
        var existing = (await session.Query<OutcomeSignOff>().Where(s => s.EnrolmentId == enrolmentId).ToListAsync(ct)).ToList();
        var active = existing.Where(s => s.Active).Select(s => s.OutcomeCode).ToHashSet();
        foreach (var code in command.OutcomeCodes!.Distinct().Where(c => !active.Contains(c)))
        {
            var signOff = new OutcomeSignOff
            {
                Id = Guid.CreateVersion7(now), EnrolmentId = enrolmentId, OutcomeCode = code, ElementCode = OutcomeCodes.ElementOf(code)!,
                Evidence = command.Evidence!.Trim(), SignedOffBy = user.UserId(), SignedOffAt = now,
            };
            session.Insert(signOff);
            existing.Add(signOff);
        }
        var evidence = await ProgressFlow.EvidenceAsync(session, enrolmentId, ct) with
        {
            SignedOff = existing.Where(s => s.Active).Select(s => s.OutcomeCode).ToHashSet(),
        };
        var progress = lead.Progress;
        var phase = progress.Phase;
        ProgressFlow.Advance(progress, evidence, now, options.Value, messages);
        if (progress.Phase != phase) session.Store(progress);
        return (TypedResults.Ok(View(progress, existing, evidence, now, user)), messages);
    }

    public static OutcomesView View(LeadProgress progress, List<OutcomeSignOff> signOffs, Evidence evidence, DateTimeOffset now,
        ClaimsPrincipal user) =>
        new(progress.Id, signOffs.OrderBy(s => s.SignedOffAt).Select(OutcomeSignOffView.From).ToList(),
            ProgressView.From(progress, evidence, now, user).Elements);
}

/// <param name="Reason">Why the sign-off no longer stands.</param>
public sealed record WithdrawSignOff(string? Reason)
{
    public sealed class Validator : AbstractValidator<WithdrawSignOff>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
    }
}

public static class WithdrawSignOffEndpoint
{
    /// <summary>Withdraws a learning outcome's sign-off with a reason, while the lead has not completed (admin or the cohort's facilitator).</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/curriculum/progress/{enrolmentId}/outcomes/{outcomeCode}/withdrawal", OperationId = "WithdrawSignOff")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Withdraw a learning outcome's sign-off")]
    [ProducesResponseType<OutcomesView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(WithdrawSignOff command, Guid enrolmentId, string outcomeCode, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var lead = await LeadInCohort.LoadAsync(session, enrolmentId, ct);
        if (lead is null || !lead.CanRun(user)) return Results.Problem(Problems.NotFound(LeadInCohort.NotFound(enrolmentId)));
        if (lead.Progress.Phase == ProgrammePhase.Completed)
            return Results.Problem(Problems.Conflict("The lead has completed: their sign-offs stand."));
        var signOffs = (await session.Query<OutcomeSignOff>().Where(s => s.EnrolmentId == enrolmentId).ToListAsync(ct)).ToList();
        var signOff = signOffs.FirstOrDefault(s => s.OutcomeCode == outcomeCode && s.Active);
        if (signOff is null) return Results.Problem(Problems.NotFound($"Outcome {outcomeCode} is not signed off for enrolment {enrolmentId}."));

        var now = clock.GetUtcNow();
        signOff.WithdrawnAt = now;
        signOff.WithdrawalReason = command.Reason!.Trim();
        signOff.WithdrawnBy = user.UserId();
        session.Store(signOff);
        var evidence = await ProgressFlow.EvidenceAsync(session, enrolmentId, ct) with
        {
            SignedOff = signOffs.Where(s => s.Active).Select(s => s.OutcomeCode).ToHashSet(),
        };
        return TypedResults.Ok(SignOffOutcomesEndpoint.View(lead.Progress, signOffs, evidence, now, user));
    }
}

public static class GetOutcomesEndpoint
{
    /// <summary>A lead's learning-outcome sign-offs and progress per element (admin, the cohort's facilitator, the setting's head or lead).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/progress/{enrolmentId}/outcomes", OperationId = "GetOutcomes")]
    [AuditedRead("outcomeSignOffs")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("List a lead's outcome sign-offs")]
    [ProducesResponseType<OutcomesView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid enrolmentId, ClaimsPrincipal user, IQuerySession session, TimeProvider clock,
        CancellationToken ct)
    {
        var lead = await LeadInCohort.LoadAsync(session, enrolmentId, ct);
        if (lead is null || !lead.CanRead(user)) return Results.Problem(Problems.NotFound(LeadInCohort.NotFound(enrolmentId)));
        var signOffs = (await session.Query<OutcomeSignOff>().Where(s => s.EnrolmentId == enrolmentId).ToListAsync(ct)).ToList();
        return TypedResults.Ok(SignOffOutcomesEndpoint.View(lead.Progress, signOffs, await ProgressFlow.EvidenceAsync(session, enrolmentId, ct),
            clock.GetUtcNow(), user));
    }
}
