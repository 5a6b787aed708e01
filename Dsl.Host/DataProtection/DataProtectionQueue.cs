using Dsl.Enrolment.Contracts;
using Wolverine.Attributes;

namespace Dsl.Host.DataProtection;

/// <summary>
/// The host's side of erasure and export. Every handler here runs on one sequential local queue, so the last answer
/// to arrive is the one that sees every other answer and completes the request.
/// </summary>
public static class DataProtectionQueue
{
    public const string Name = "data-protection";

    /// <summary>Records an answer and, once every module has answered, completes the request (an erasure then scrubs the envelopes).</summary>
    public static async Task RecordAnswerAsync(IDocumentSession session, DataProtectionRegistry registry, TimeProvider clock,
        Guid requestId, Guid enrolmentId, string module, IReadOnlyList<string> kinds, string? data, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        session.Store(new ModuleAnswer
        {
            Id = ModuleAnswer.IdFor(requestId, module), RequestId = requestId, Module = module, Kinds = kinds.ToList(), Data = data,
            AnsweredAt = now,
        });
        var request = await session.LoadAsync<DataProtectionRequest>(requestId, ct);
        if (request is null or { CompletedAt: not null }) return;
        var answered = await session.Query<ModuleAnswer>().Where(a => a.RequestId == requestId).Select(a => a.Module).ToListAsync(ct);
        if (!registry.Modules.All(m => m == module || answered.Contains(m))) return;
        request.CompletedAt = now;
        session.Store(request);
        if (request.Kind == RequestKind.Erasure) await ErasedAsync(session, registry, enrolmentId, now, ct);
    }

    /// <summary>
    /// Once every module has erased the lead: the host's own copies go too — earlier exports of the lead, Wolverine's kept
    /// envelopes of personal-data messages about them, stored responses naming them.
    /// </summary>
    private static async Task ErasedAsync(IDocumentSession session, DataProtectionRegistry registry, Guid enrolmentId,
        DateTimeOffset now, CancellationToken ct)
    {
        var exports = await session.Query<DataProtectionRequest>()
            .Where(r => r.EnrolmentId == enrolmentId && r.Kind == RequestKind.Export && r.ExpiredAt == null).ToListAsync(ct);
        foreach (var export in exports) await ExpireExportHandler.DeleteAsync(session, registry, export, now, ct);
        EnvelopeScrubber.Scrub(session, enrolmentId, registry.PersonalMessageTypes);
    }

    /// <summary>Opens the request; an answer that arrived first is counted when the request completes.</summary>
    public static async Task OpenAsync(IDocumentSession session, DataProtectionRegistry registry, DataProtectionRequest request,
        CancellationToken ct)
    {
        if (await session.LoadAsync<DataProtectionRequest>(request.Id, ct) is not null) return;
        var answered = await session.Query<ModuleAnswer>().Where(a => a.RequestId == request.Id).Select(a => a.Module).ToListAsync(ct);
        if (registry.Modules.All(answered.Contains)) request.CompletedAt = request.RequestedAt;
        session.Store(request);
        if (request is { Kind: RequestKind.Erasure, CompletedAt: { } completedAt })
            await ErasedAsync(session, registry, request.EnrolmentId, completedAt, ct);
    }
}

/// <summary>Opens the host's tracker of an erasure request.</summary>
[StickyHandler(DataProtectionQueue.Name)]
public static class LeadErasureRequestedHandler
{
    public static Task Handle(LeadErasureRequested requested, IDocumentSession session, DataProtectionRegistry registry, CancellationToken ct) =>
        DataProtectionQueue.OpenAsync(session, registry, new DataProtectionRequest
        {
            Id = requested.RequestId, Kind = RequestKind.Erasure, EnrolmentId = requested.EnrolmentId, RequestedAt = requested.OccurredAt,
        }, ct);
}

/// <summary>Opens the host's tracker of an export request and schedules its expiry.</summary>
[StickyHandler(DataProtectionQueue.Name)]
public static class LeadExportRequestedHandler
{
    public static async Task<OutgoingMessages> Handle(LeadExportRequested requested, IDocumentSession session,
        DataProtectionRegistry registry, IOptions<DataProtectionOptions> options, CancellationToken ct)
    {
        var expiresAt = requested.RequestedAt + options.Value.ExportExpiry;
        await DataProtectionQueue.OpenAsync(session, registry, new DataProtectionRequest
        {
            Id = requested.RequestId, Kind = RequestKind.Export, EnrolmentId = requested.EnrolmentId,
            RequestedAt = requested.RequestedAt, ExpiresAt = expiresAt,
        }, ct);
        var messages = new OutgoingMessages();
        messages.Schedule(new ExpireExport(requested.RequestId), expiresAt);
        return messages;
    }
}

/// <summary>One closed type per module's erasure reply (see DataProtectionSetup).</summary>
[StickyHandler(DataProtectionQueue.Name)]
public static class ModuleLeadErasedHandler<TReply> where TReply : LeadErased
{
    public static Task Handle(TReply reply, IDocumentSession session, DataProtectionRegistry registry, TimeProvider clock, CancellationToken ct) =>
        DataProtectionQueue.RecordAnswerAsync(session, registry, clock, reply.RequestId, reply.EnrolmentId,
            DataProtectionRegistry.ModuleOf(typeof(TReply)), reply.Kinds, null, ct);
}

/// <summary>One closed type per module's export reply (see DataProtectionSetup).</summary>
[StickyHandler(DataProtectionQueue.Name)]
public static class ModuleLeadExportHandler<TReply> where TReply : LeadExport
{
    public static Task Handle(TReply reply, IDocumentSession session, DataProtectionRegistry registry, TimeProvider clock, CancellationToken ct) =>
        DataProtectionQueue.RecordAnswerAsync(session, registry, clock, reply.RequestId, reply.EnrolmentId,
            DataProtectionRegistry.ModuleOf(typeof(TReply)), [], reply.Data, ct);
}

/// <summary>Scheduled when an export is requested: deletes the export's data once it expires.</summary>
[MessageIdentity("dsl.host.expire-export.v1")]
public sealed record ExpireExport(Guid RequestId);

[StickyHandler(DataProtectionQueue.Name)]
public static class ExpireExportHandler
{
    /// <summary>
    /// Deletes the modules' parts (and Wolverine's kept copies of them) once the export's time is up. A message that
    /// arrives early (the clock was moved back, or the expiry changed) waits for the export's own time.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(ExpireExport command, IDocumentSession session, DataProtectionRegistry registry,
        TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var request = await session.LoadAsync<DataProtectionRequest>(command.RequestId, ct);
        if (request is not { Kind: RequestKind.Export, ExpiredAt: null, ExpiresAt: { } expiresAt }) return messages;
        var now = clock.GetUtcNow();
        if (now < expiresAt)
        {
            messages.Schedule(command, expiresAt);
            return messages;
        }
        await DeleteAsync(session, registry, request, now, ct);
        return messages;
    }

    public static async Task DeleteAsync(IDocumentSession session, DataProtectionRegistry registry, DataProtectionRequest request,
        DateTimeOffset now, CancellationToken ct)
    {
        var answers = await session.Query<ModuleAnswer>().Where(a => a.RequestId == request.Id).ToListAsync(ct);
        foreach (var answer in answers) answer.Data = null;
        session.Store(answers.ToArray());
        request.ExpiredAt = now;
        session.Store(request);
        EnvelopeScrubber.Scrub(session, request.EnrolmentId, registry.PersonalMessageTypes);
    }
}
