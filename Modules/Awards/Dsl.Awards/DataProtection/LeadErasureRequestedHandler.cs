using Dsl.Awards.Applications;
using Dsl.Awards.Awards;
using Dsl.Awards.Standards;
using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.DataProtection;

public static class LeadErasureRequestedHandler
{
    /// <summary>
    /// Awards are the setting's, not the lead's: the awards and their credentials stay (they name the setting), as do
    /// every application's statuses, outcomes and dates, so award counts hold. The free text written during the lead's
    /// enrolment, which may name them, is anonymised: statements and evidence, assessors' comments, evidence requests and
    /// feedback, revocation reasons, annual review statements. Idempotent.
    /// </summary>
    public static async Task<AwardsLeadErased> Handle(LeadErasureRequested request, IDocumentSession session, CancellationToken ct)
    {
        var id = request.EnrolmentId;
        var erased = new ErasedKinds(session);
        await erased.AnonymiseAsync<AwardApplication>("applicationText", a => a.EnrolmentId == id, a =>
        {
            a.Elements = a.Elements.ToDictionary(e => e.Key, e => e.Value with
            {
                Statement = Erasure.Placeholder,
                Evidence = e.Value.Evidence.Select(x => x with { Title = Erasure.Placeholder, Description = Erasure.Placeholder }).ToList(),
            });
            a.Judgements = a.Judgements.ToDictionary(j => j.Key, j => j.Value with { Comment = Erasure.Blank(j.Value.Comment) });
            a.EvidenceRequests = a.EvidenceRequests.Select(r => r with { Missing = Erasure.Placeholder }).ToList();
            a.Feedback = Erasure.Blank(a.Feedback);
        }, ct);
        await erased.AnonymiseAsync<Award>("revocationReasons", a => a.EnrolmentId == id && a.RevocationReason != null,
            a => a.RevocationReason = Erasure.Placeholder, ct);
        await erased.AnonymiseAsync<StandardsSubscription>("annualReviewStatements", s => s.EnrolmentId == id && s.Reviews.Any(),
            s => s.Reviews = s.Reviews.Select(r => r with { Statement = Erasure.Placeholder }).ToList(), ct);
        return new AwardsLeadErased { RequestId = request.RequestId, EnrolmentId = id, Kinds = erased.Kinds };
    }
}
