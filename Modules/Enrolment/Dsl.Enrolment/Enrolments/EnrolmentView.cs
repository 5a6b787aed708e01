using System.Text.Json;
using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Settings;

namespace Dsl.Enrolment.Enrolments;

public sealed record LeadView(string Name, string Email, string JobTitle, bool OnSeniorLeadershipTeam)
{
    public static LeadView? From(Lead? lead) =>
        lead is null ? null : new(lead.Name, lead.Email, lead.JobTitle, lead.OnSeniorLeadershipTeam);
}

/// <summary>An enrolment as the API shows it, with its status history.</summary>
public sealed record EnrolmentView(
    Guid Id, string SettingUrn, Funding Funding, string Region, Guid CohortId, string AcademicYearId, Track Track,
    EnrolmentStatus Status, bool HoldsPlace, LeadView? Lead, Endorsement? Endorsement, Offer? Offer,
    WithdrawalReason? WithdrawalReason, bool EmbeddingDeferred, ProgrammePhase? Phase, bool AtRisk,
    string? AtRiskReason, DateTimeOffset SubmittedAt, IReadOnlyList<StatusChange> History, int Version)
{
    public static EnrolmentView From(Enrolment e, Lead? lead) => new(e.Id, e.SettingUrn, e.Funding, e.Region,
        e.CohortId, e.AcademicYearId, e.Track, e.Status, e.HoldsPlace, LeadView.From(lead), e.Endorsement, e.Offer,
        e.WithdrawalReason, e.EmbeddingDeferred, e.Phase, e.AtRisk, e.AtRiskReason, e.SubmittedAt, e.History, e.Version);
}

public static class EnrolmentPreview
{
    /// <summary>The response to a command: the enrolment as its new events leave it, with the ETag it will have.</summary>
    public static async Task<EnrolmentView> ViewAfterAsync(this Enrolment enrolment, IEnumerable<object> events,
        Marten.IQuerySession session, Microsoft.AspNetCore.Http.HttpResponse response, CancellationToken ct) =>
        enrolment.ViewAfter(events, await session.LoadAsync<Lead>(enrolment.LeadId, ct), response);

    /// <summary>As <see cref="ViewAfterAsync"/>, with the lead already read.</summary>
    public static EnrolmentView ViewAfter(this Enrolment enrolment, IEnumerable<object> events, Lead? lead,
        Microsoft.AspNetCore.Http.HttpResponse response)
    {
        var after = enrolment.After(events);
        response.Headers.ETag = Dsl.BuildingBlocks.Http.ETags.For(after.Version);
        return EnrolmentView.From(after, lead);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The enrolment as it will be once these new events are stored, without touching the loaded instance.</summary>
    public static Enrolment After(this Enrolment enrolment, IEnumerable<object> events)
    {
        var copy = JsonSerializer.Deserialize<Enrolment>(JsonSerializer.Serialize(enrolment, Json), Json)!;
        foreach (var e in events)
        {
            switch (e)
            {
                case Endorsed x: copy.Apply(x); break;
                case PlaceAllocated x: copy.Apply(x); break;
                case Waitlisted x: copy.Apply(x); break;
                case PlaceOfferMade x: copy.Apply(x); break;
                case PlaceOfferAccepted x: copy.Apply(x); break;
                case PlaceOfferLapsed x: copy.Apply(x); break;
                case Withdrawn x: copy.Apply(x); break;
                case Transferred x: copy.Apply(x); break;
                case LeadChanged x: copy.Apply(x); break;
                case EmbeddingPostponed x: copy.Apply(x); break;
                case PhaseReached x: copy.Apply(x); break;
                case ProgrammeFinished x: copy.Apply(x); break;
                case MarkedAtRisk x: copy.Apply(x); break;
                case LeadErasureRecorded x: copy.Apply(x); break;
                default: throw new InvalidOperationException($"No way to apply {e.GetType().Name}");
            }
            copy.Version++;
        }
        return copy;
    }
}
