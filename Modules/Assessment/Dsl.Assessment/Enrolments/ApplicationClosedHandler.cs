using Dsl.Awards.Contracts;

namespace Dsl.Assessment.Enrolments;

/// <summary>A closed award application ends its assessor's access to the setting's records.</summary>
public static class ApplicationClosedHandler
{
    public static IMartenOp Handle(ApplicationClosed closed) =>
        MartenOps.Store(new AssessorGrant
        {
            Id = closed.ApplicationId, SettingUrn = closed.SettingUrn, AssessorId = closed.AssessorId, Open = false,
        });
}
