using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Certificates;

/// <summary>Keeps the latest name Enrolment sent for an enrolment (a replaced lead overwrites it; redelivery is harmless).</summary>
public static class LeadNamedHandler
{
    public static IMartenOp Handle(LeadNamed named) =>
        MartenOps.Store(new LeadCertificateName { Id = named.EnrolmentId, LeadName = named.LeadName, SettingName = named.SettingName });
}
