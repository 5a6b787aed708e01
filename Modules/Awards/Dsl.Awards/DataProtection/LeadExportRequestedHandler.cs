using Dsl.Awards.Contracts;
using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.DataProtection;

public static class LeadExportRequestedHandler
{
    /// <summary>Awards holds nothing about a lead yet: an empty part.</summary>
    public static AwardsLeadExport Handle(LeadExportRequested request) =>
        new() { RequestId = request.RequestId, EnrolmentId = request.EnrolmentId, Data = "{}" };
}
