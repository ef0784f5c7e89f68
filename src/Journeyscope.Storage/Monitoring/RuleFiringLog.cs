using System.Text.Json;
using Journeyscope.Monitoring;
using Journeyscope.Results;
using Microsoft.Data.Sqlite;

namespace Journeyscope.Storage.Monitoring;

/// <summary>
/// The durable log of rule firings of a workspace (<c>live.sqlite</c> in its folder): one row per journey, rule, customer
/// and occurrence, so a firing is recorded (and its webhook enqueued) once, also across restarts; and the live monitor's
/// mark (the time up to which deadlines were checked), so a restart neither repeats nor misses firings.
/// </summary>
/// <remarks>Thread-safe (a connection per call); SQLite in WAL mode.</remarks>
public static class RuleFiringLog
{
    /// <summary>The file's name inside the workspace folder.</summary>
    public const string FileName = "live.sqlite";

    /// <summary>The file: firings and live deviations name customers (erased with them), the mark does not.</summary>
    internal static readonly SqliteSideFile Side = new(
        FileName,
        """
        CREATE TABLE IF NOT EXISTS firings (
            dedup_key TEXT PRIMARY KEY, journey TEXT NOT NULL, rule TEXT NOT NULL, at_ticks INTEGER NOT NULL, body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS deviations (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, dedup_key TEXT NOT NULL UNIQUE, journey TEXT NOT NULL, customer TEXT NOT NULL,
            at_ticks INTEGER NOT NULL, body TEXT NOT NULL);
        """,
        [new PersonalColumns("firings", ["dedup_key", "body"]), new PersonalColumns("deviations", ["dedup_key", "customer", "body"])]);

    /// <summary>Records <paramref name="firing"/>; false when it was recorded before (same <see cref="RuleFiring.DedupKey"/>).</summary>
    public static bool TryRecord(string workspaceFolder, RuleFiring firing)
    {
        ArgumentNullException.ThrowIfNull(firing);
        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO firings (dedup_key, journey, rule, at_ticks, body) VALUES ($key, $journey, $rule, $at, $body)";
        command.Parameters.AddWithValue("$key", firing.DedupKey);
        command.Parameters.AddWithValue("$journey", firing.Journey);
        command.Parameters.AddWithValue("$rule", firing.Rule);
        command.Parameters.AddWithValue("$at", firing.At.UtcTicks);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(firing, ResultJson.Options));
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>The recorded firings, newest first, at most <paramref name="limit"/>, optionally of one journey.</summary>
    public static IReadOnlyList<RuleFiring> List(string workspaceFolder, int limit = 100, string? journey = null)
    {
        var firings = new List<RuleFiring>();
        if (!Side.Exists(workspaceFolder))
        {
            return firings;
        }

        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM firings WHERE $journey IS NULL OR journey = $journey ORDER BY at_ticks DESC, dedup_key LIMIT $limit";
        command.Parameters.AddWithValue("$journey", (object?)journey ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (JsonSerializer.Deserialize<RuleFiring>(reader.GetString(0), ResultJson.Options) is { } firing)
            {
                firings.Add(firing);
            }
        }

        return firings;
    }

    /// <summary>The time up to which the live monitor last checked deadlines, or null before its first run.</summary>
    public static DateTimeOffset? ReadMark(string workspaceFolder)
    {
        if (!Side.Exists(workspaceFolder))
        {
            return null;
        }

        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'checked_until'";
        return command.ExecuteScalar() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    /// <summary>Stores the time up to which deadlines were checked.</summary>
    public static void WriteMark(string workspaceFolder, DateTimeOffset mark)
    {
        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO meta (key, value) VALUES ('checked_until', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$v", mark.UtcTicks);
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Connect(string folder) => Side.Open(folder);
}
