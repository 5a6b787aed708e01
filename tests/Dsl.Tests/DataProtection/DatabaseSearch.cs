using System.Text;
using Npgsql;

namespace Dsl.Tests.DataProtection;

/// <summary>
/// Searches every column of every table in every schema of the database for a text, case-insensitively: text and
/// JSON as written, byte columns (Wolverine's envelope bodies) decoded, and base64 inside either (a stored response).
/// </summary>
public static class DatabaseSearch
{
    public static async Task<List<string>> TablesContaining(NpgsqlDataSource database, string needle)
    {
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var list = database.CreateCommand("""
            select c.table_schema, c.table_name, c.column_name, c.data_type
            from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
            where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
            order by 1, 2, c.ordinal_position
            """))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        columns.Select(c => c.Schema).Distinct().ShouldContain("wolverine", "the search covers the envelope tables too");

        var patterns = Base64Forms(needle).Prepend(needle.ToLowerInvariant()).ToArray();
        var found = new List<string>();
        foreach (var table in columns.GroupBy(c => (c.Schema, c.Table)))
        {
            var text = string.Join(" || ' ' || ", table.Select(c => c.Type == "bytea"
                ? $"coalesce(encode(\"{c.Column}\", 'escape'), '')"
                : $"coalesce(\"{c.Column}\"::text, '')"));
            await using var search = database.CreateCommand($"""
                select count(*) from "{table.Key.Schema}"."{table.Key.Table}"
                where exists (select 1 from unnest($1::text[]) p where position(p in lower({text})) > 0
                                                                   or position(p in ({text})) > 0)
                """);
            search.Parameters.Add(new NpgsqlParameter { Value = patterns });
            if ((long)(await search.ExecuteScalarAsync())! > 0) found.Add($"{table.Key.Schema}.{table.Key.Table}");
        }
        return found;
    }

    /// <summary>The needle as it shows inside base64 at each of the three byte alignments (only the characters it alone decides).</summary>
    private static IEnumerable<string> Base64Forms(string needle)
    {
        var bytes = Encoding.UTF8.GetBytes(needle);
        for (var offset = 0; offset < 3; offset++)
        {
            var encoded = Convert.ToBase64String(new byte[offset].Concat(bytes).ToArray());
            var start = (8 * offset + 5) / 6;
            var end = 8 * (offset + bytes.Length) / 6;
            yield return encoded[start..end];
        }
    }
}
