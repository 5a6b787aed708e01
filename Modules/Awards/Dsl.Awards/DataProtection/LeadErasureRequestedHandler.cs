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
        var kinds = new List<string>();

        var applications = await session.Query<AwardApplication>().Where(a => a.EnrolmentId == id).ToListAsync(ct);
        foreach (var application in applications)
        {
            application.Elements = application.Elements.ToDictionary(e => e.Key, e => e.Value with
            {
                Statement = Erasure.Placeholder,
                Evidence = e.Value.Evidence.Select(x => x with { Title = Erasure.Placeholder, Description = Erasure.Placeholder }).ToList(),
            });
            application.Judgements = application.Judgements.ToDictionary(j => j.Key, j => j.Value with { Comment = Erasure.Blank(j.Value.Comment) });
            application.EvidenceRequests = application.EvidenceRequests.Select(r => r with { Missing = Erasure.Placeholder }).ToList();
            application.Feedback = Erasure.Blank(application.Feedback);
        }
        session.Store(applications.ToArray());
        if (applications.Count > 0) kinds.Add("applicationText");

        var awards = await session.Query<Award>().Where(a => a.EnrolmentId == id && a.RevocationReason != null).ToListAsync(ct);
        foreach (var award in awards) award.RevocationReason = Erasure.Placeholder;
        session.Store(awards.ToArray());
        if (awards.Count > 0) kinds.Add("revocationReasons");

        var subscriptions = await session.Query<StandardsSubscription>().Where(s => s.EnrolmentId == id).ToListAsync(ct);
        foreach (var subscription in subscriptions)
            subscription.Reviews = subscription.Reviews.Select(r => r with { Statement = Erasure.Placeholder }).ToList();
        session.Store(subscriptions.ToArray());
        if (subscriptions.Any(s => s.Reviews.Count > 0)) kinds.Add("annualReviewStatements");

        return new AwardsLeadErased { RequestId = request.RequestId, EnrolmentId = id, Kinds = kinds };
    }
}
