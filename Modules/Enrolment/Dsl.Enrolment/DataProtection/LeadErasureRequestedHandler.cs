using Dsl.Enrolment.Enrolments;

namespace Dsl.Enrolment.DataProtection;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

public static class LeadErasureRequestedHandler
{
    /// <summary>
    /// Anonymises the lead's document and masks the endorser's name in the enrolment's stored events (Marten's masking
    /// rule for <see cref="Endorsed"/>), then replies. Doing it again writes the same placeholders.
    /// </summary>
    public static async Task<EnrolmentLeadErased> Handle(LeadErasureRequested request, IDocumentSession session,
        IEnrolmentStore store, CancellationToken ct)
    {
        var erased = new ErasedKinds(session);
        var enrolment = await session.LoadAsync<Enrolment>(request.EnrolmentId, ct);
        if (enrolment is not null)
        {
            await erased.AnonymiseAsync<Lead>("leadNameEmailAndJobTitle", enrolment.LeadId, lead =>
            {
                lead.Name = Erasure.Placeholder;
                lead.Email = Erasure.Placeholder;
                lead.JobTitle = Erasure.Placeholder;
            }, ct);
            await store.Advanced.ApplyEventDataMasking(x => x.IncludeStream(enrolment.Id), ct);
            erased.Noted("endorserName", found: true);
        }
        return new EnrolmentLeadErased { RequestId = request.RequestId, EnrolmentId = request.EnrolmentId, Kinds = erased.Kinds };
    }
}
