using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Elements;
using Dsl.Curriculum.Outcomes;
using Dsl.Curriculum.Support;
using Dsl.Curriculum.Workshops;

namespace Dsl.Curriculum.Progress;

/// <summary>Checks at the end of the embedding period whether the lead completed (durable, so it survives restarts).</summary>
public sealed record CheckEmbeddingCompletion(Guid EnrolmentId);

/// <summary>
/// Flags a lead not yet in embedding six months (configurable) after confirmation at risk: sent by the daily sweep (ADR
/// 0041); until 2026-12 one was scheduled for every confirmation, and those still scheduled arrive too.
/// </summary>
public sealed record CheckReflectivePlanningDue(Guid EnrolmentId);

/// <summary>Moves a lead between phases and says so: the one place the phase events are published.</summary>
public static class ProgressFlow
{
    public static void MoveTo(LeadProgress progress, ProgrammePhase phase, DateTimeOffset now, CurriculumOptions options,
        OutgoingMessages messages, string? overrideReason = null, string? by = null)
    {
        progress.Phase = phase;
        progress.Phases.Add(new PhaseChange(phase, now, overrideReason is not null, overrideReason, by));
        messages.Add(new LeadProgressed { Phase = phase }.About(progress, now));
        switch (phase)
        {
            case ProgrammePhase.Embedding:
                progress.EmbeddingEndsAt = now + options.EmbeddingPeriod;
                progress.ResumeEmbeddingBy = null;
                messages.Schedule(new CheckEmbeddingCompletion(progress.Id), progress.EmbeddingEndsAt.Value);
                break;
            case ProgrammePhase.EmbeddingDeferred:
                // A short track is finished at this point: Enrolment completes the enrolment as short.
                progress.ResumeEmbeddingBy = now + options.ResumeEmbeddingWindow;
                messages.Add(new ProgrammeCompleted { Track = Tracks.Short }.About(progress, now));
                break;
            case ProgrammePhase.Completed:
                progress.Open = false;
                progress.ClosedAt = now;
                messages.Add(new ProgrammeCompleted { Track = Tracks.Full }.About(progress, now));
                break;
        }
    }

    /// <summary>Moves the lead on as far as the evidence allows (learning can run straight through to embedding).</summary>
    public static void Advance(LeadProgress progress, Evidence evidence, DateTimeOffset now, CurriculumOptions options,
        OutgoingMessages messages)
    {
        while (PhaseRules.NextByEvidence(progress, evidence, now) is { } next)
            MoveTo(progress, next, now, options, messages);
    }

    public static async Task<Evidence> EvidenceAsync(IQuerySession session, Guid enrolmentId, CancellationToken ct)
    {
        var elements = (await session.Query<Element>().ToListAsync(ct)).OrderBy(e => e.Number).ToList();
        var signedOff = await session.Query<OutcomeSignOff>()
            .Where(s => s.EnrolmentId == enrolmentId && s.WithdrawnAt == null).Select(s => s.OutcomeCode).ToListAsync(ct);
        return new Evidence(elements.Select(e => e.Code).ToList(), elements.SelectMany(OutcomeCodes.Of).ToList(),
            signedOff.ToHashSet());
    }

    /// <summary>Recounts the lead's attendance and catch-ups from their documents.</summary>
    public static async Task RecountAsync(IQuerySession session, LeadProgress progress, CancellationToken ct, params Attendance[] pending)
    {
        var marks = (await session.Query<Attendance>().Where(a => a.EnrolmentId == progress.Id).ToListAsync(ct))
            .Where(m => pending.All(p => p.Id != m.Id)).Concat(pending).ToList();
        var contacts = await session.Query<SupportContact>().Where(c => c.EnrolmentId == progress.Id && c.CatchUp).ToListAsync(ct);
        PhaseRules.Recount(progress, marks, contacts);
    }
}
