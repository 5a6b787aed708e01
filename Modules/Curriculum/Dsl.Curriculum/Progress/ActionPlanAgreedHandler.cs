using Dsl.Assessment.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>Assessment reports the setting's action plan agreed: with the baseline, reflective/planning is done.</summary>
public static class ActionPlanAgreedHandler
{
    public static async Task<OutgoingMessages> Handle(ActionPlanAgreed agreed, IDocumentSession session,
        TimeProvider clock, IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var progress = await session.LoadAsync<LeadProgress>(agreed.EnrolmentId, ct);
        if (progress is null) return messages;
        progress.ActionPlanAgreedAt ??= agreed.AgreedAt;
        ProgressFlow.Advance(progress, await ProgressFlow.EvidenceAsync(session, progress.Id, ct), clock.GetUtcNow(), options.Value, messages);
        session.Store(progress);
        return messages;
    }
}
