using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>Keeps the setting's name for its credential; the lead's name, which the message also carries, is not kept.</summary>
public static class LeadNamedHandler
{
    public static IMartenOp Handle(LeadNamed named) =>
        MartenOps.Store(new EnrolmentSettingName { Id = named.EnrolmentId, SettingName = named.SettingName });
}
