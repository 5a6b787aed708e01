namespace Dsl.Awards.Awards;

internal static class AwardLookup
{
    /// <summary>The setting's award valid now (or the latest still to run out), if any: the one a renewal continues.</summary>
    public static async Task<Award?> CurrentAsync(IQuerySession session, string settingUrn, DateTimeOffset now, CancellationToken ct)
    {
        var awards = await session.Query<Award>().Where(a => a.SettingUrn == settingUrn && a.Status == AwardStatus.Active).ToListAsync(ct);
        return awards.Where(a => a.ValidUntil > now).MaxBy(a => a.ValidUntil);
    }
}
