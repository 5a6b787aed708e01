using System.Text;
using nietras.SeparatedValues;

namespace Dsl.Enrolment.Settings.Import;

/// <summary>A row that was not imported, and why.</summary>
public sealed record SkippedRow(long Line, string? Urn, string Reason);

public sealed record ImportReport(int RowsRead, int Created, int Updated, IReadOnlyList<SkippedRow> Skipped)
{
    public int SkippedCount => Skipped.Count;
}

/// <summary>
/// Imports a GIAS establishment extract (Windows-1252 CSV, ~130 columns of which DSL uses nine).
/// Re-importing updates settings by URN and never duplicates them. Used by POST /api/settings/imports
/// and by the import-settings command.
/// </summary>
public sealed class SettingsImporter(IEnrolmentStore store)
{
    private const int BatchSize = 2000;
    public static readonly string[] RequiredColumns =
    [
        "URN", "EstablishmentName", "TypeOfEstablishment (name)", "PhaseOfEducation (name)", "LA (name)",
        "GOR (name)", "EstablishmentStatus (name)",
    ];

    static SettingsImporter() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <exception cref="InvalidImportFileException">The file is not a GIAS extract (missing columns).</exception>
    public async Task<ImportReport> ImportAsync(TextReader csv, IProgress<int>? rowsRead = null, CancellationToken ct = default)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(csv);
        var missing = RequiredColumns.Where(c => !reader.Header.TryIndexOf(c, out _)).ToList();
        if (missing.Count > 0) throw new InvalidImportFileException(missing);

        int Col(string name) => reader.Header.IndexOf(name);
        int urnCol = Col("URN"), nameCol = Col("EstablishmentName"), typeCol = Col("TypeOfEstablishment (name)"),
            phaseCol = Col("PhaseOfEducation (name)"), laCol = Col("LA (name)"), gorCol = Col("GOR (name)"),
            statusCol = Col("EstablishmentStatus (name)");
        var ukprnCol = reader.Header.TryIndexOf("UKPRN", out var u) ? u : -1;
        var feTypeCol = reader.Header.TryIndexOf("FurtherEducationType (name)", out var f) ? f : -1;

        await using var query = store.QuerySession();
        var existing = (await query.Query<Setting>().Select(s => s.Urn).ToListAsync(ct)).ToHashSet();

        var skipped = new List<SkippedRow>();
        var batch = new Dictionary<string, Setting>();
        int rows = 0, created = 0, updated = 0;
        foreach (var row in reader)
        {
            rows++;
            var line = row.LineNumberFrom;
            var urn = row[urnCol].ToString().Trim();
            var (setting, problem) = Map(urn, row[nameCol].ToString(), row[typeCol].ToString(),
                feTypeCol < 0 ? "" : row[feTypeCol].ToString(), row[phaseCol].ToString(), row[laCol].ToString(),
                row[gorCol].ToString(), row[statusCol].ToString(), ukprnCol < 0 ? "" : row[ukprnCol].ToString());
            if (setting is null)
            {
                skipped.Add(new SkippedRow(line, urn.Length == 0 ? null : urn, problem!));
                continue;
            }
            if (existing.Add(setting.Urn)) created++;
            else if (!batch.ContainsKey(setting.Urn)) updated++;
            batch[setting.Urn] = setting;
            if (batch.Count >= BatchSize)
            {
                await Save(batch.Values, ct);
                batch.Clear();
            }
            if (rows % 500 == 0) rowsRead?.Report(rows);
        }
        await Save(batch.Values, ct);
        rowsRead?.Report(rows);
        return new ImportReport(rows, created, updated, skipped);
    }

    private async Task Save(IEnumerable<Setting> settings, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // Version 0 asks Marten to move the revision on, so ETags held by clients go stale after an import.
        foreach (var setting in settings) session.Store(setting);
        await session.SaveChangesAsync(ct);
    }

    public static (Setting? Setting, string? Problem) Map(string urn, string name, string typeOfEstablishment,
        string furtherEducationType, string phase, string localAuthority, string governmentOfficeRegion,
        string status, string ukprn)
    {
        if (!Urns.IsValid(urn)) return (null, $"URN '{urn}' is not a six-digit number");
        if (string.IsNullOrWhiteSpace(name)) return (null, "EstablishmentName is empty");
        var (type, typeProblem) = GiasMapping.Type(typeOfEstablishment, furtherEducationType);
        if (type is null) return (null, typeProblem);
        var region = GiasMapping.Region(governmentOfficeRegion);
        if (region is null) return (null, $"GOR '{governmentOfficeRegion.Trim()}' is not an English region");
        var settingPhase = GiasMapping.Phase(phase);
        if (settingPhase is null) return (null, $"phase of education '{phase.Trim()}' is not one DSL knows");

        return (new Setting
        {
            Urn = urn,
            Name = name.Trim(),
            Type = type.Value,
            Phase = settingPhase.Value,
            LocalAuthority = localAuthority.Trim(),
            Region = region,
            Status = GiasMapping.Status(status),
            Ukprn = ukprn.Trim() is { Length: 8 } p && p.All(char.IsAsciiDigit) ? p : null,
        }, null);
    }
}

public sealed class InvalidImportFileException(IReadOnlyList<string> missingColumns)
    : Exception($"This is not a GIAS establishment extract: missing column(s) {string.Join(", ", missingColumns)}.")
{
    public IReadOnlyList<string> MissingColumns { get; } = missingColumns;
}
