using Dsl.Awards.Contracts;

namespace Dsl.Assessment.Enrolments;

/// <summary>The assessor of an open award application reads the setting's assessment records.</summary>
public static class AssessorAssignedHandler
{
    public static async Task<IMartenOp> Handle(AssessorAssigned assigned, IDocumentSession session, CancellationToken ct)
    {
        var grant = await session.LoadAsync<AssessorGrant>(assigned.ApplicationId, ct);
        // A close that arrived first wins: the application is over.
        if (grant is { Open: false }) return MartenOps.Nothing();
        return MartenOps.Store(new AssessorGrant
        {
            Id = assigned.ApplicationId, SettingUrn = assigned.SettingUrn, AssessorId = assigned.AssessorId, Open = true,
        });
    }
}
