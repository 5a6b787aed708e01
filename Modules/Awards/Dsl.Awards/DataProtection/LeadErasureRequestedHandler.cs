using Dsl.Awards.Contracts;
using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.DataProtection;

public static class LeadErasureRequestedHandler
{
    /// <summary>Awards holds nothing about a lead yet; it still answers, with no kinds, so the request can complete.</summary>
    public static AwardsLeadErased Handle(LeadErasureRequested request) =>
        new() { RequestId = request.RequestId, EnrolmentId = request.EnrolmentId };
}
