using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Journeyscope.Storage.Erasure;

/// <summary>
/// Erases a customer from the workspace's SQLite side files that hold personal data in text (every
/// <see cref="SqliteSideFile"/> with <see cref="SqliteSideFile.PersonalData"/>: the live rules' firings and deviations,
/// the webhook outbox and delivery log): deletes every row whose columns mention one of the customer's ids, raw or as
/// JSON writes it, then checkpoints the write-ahead log and vacuums, so the deleted bytes leave the files.
/// </summary>
internal static class SqliteErasure
{
    /// <summary>Deletes (or, on a dry run, counts) the rows mentioning <paramref name="ids"/> in each side file that exists.</summary>
    public static List<Journeyscope.Erasure.ErasedRows> Erase(string folder, IReadOnlyList<string> ids, bool dryRun)
    {
        var removed = new List<Journeyscope.Erasure.ErasedRows>();
        var needles = Needles(ids);
        foreach (var file in SqliteSideFile.All)
        {
            if (!file.Exists(folder) || needles.Count == 0)
            {
                continue;
            }

            // Opened through the side file, so a table an older file lacks exists (empty) before it is searched.
            using var connection = file.Open(folder);
            foreach (var personal in file.PersonalData)
            {
                removed.Add(new Journeyscope.Erasure.ErasedRows(
                    Path.GetFileNameWithoutExtension(file.FileName) + "." + personal.Table,
                    Erase(connection, personal.Table, personal.Columns, needles, dryRun)));
            }
        }

        return removed;
    }

    private static long Erase(SqliteConnection connection, string table, IReadOnlyList<string> columns, List<string> needles, bool dryRun)
    {
        using var command = connection.CreateCommand();
        var where = new StringBuilder();
        for (var n = 0; n < needles.Count; n++)
        {
            command.Parameters.AddWithValue("$n" + n.ToString(CultureInfo.InvariantCulture), needles[n]);
            foreach (var column in columns)
            {
                where.Append(where.Length == 0 ? string.Empty : " OR ").Append(CultureInfo.InvariantCulture, $"instr({column}, $n{n}) > 0");
            }
        }

        command.CommandText = $"{(dryRun ? "SELECT count(*)" : "DELETE")} FROM {table} WHERE {where}{(dryRun ? string.Empty : "; SELECT changes()")}";
        var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (!dryRun)
        {
            // The deleted text stays in free pages and in the WAL until both are rewritten.
            using var compact = connection.CreateCommand();
            compact.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
            compact.ExecuteNonQuery();
        }

        return rows;
    }

    /// <summary>Each id as stored raw and as a JSON string writes it (escaped), without duplicates.</summary>
    private static List<string> Needles(IReadOnlyList<string> ids)
    {
        var needles = new List<string>();
        foreach (var id in ids)
        {
            if (id.Length == 0)
            {
                continue;
            }

            needles.Add(id);
            foreach (var encoder in new[] { JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            {
                var json = JsonSerializer.Serialize(id, new JsonSerializerOptions { Encoder = encoder });
                needles.Add(json[1..^1]);
            }
        }

        return [.. needles.Distinct(StringComparer.Ordinal)];
    }
}
