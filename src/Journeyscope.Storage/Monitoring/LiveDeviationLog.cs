using System.Globalization;
using System.Text.Json;
using Journeyscope.Monitoring;
using Journeyscope.Results;

namespace Journeyscope.Storage.Monitoring;

/// <summary>
/// The live deviations of a workspace (in <c>live.sqlite</c>, beside the rule firings): kept across restarts, newest
/// first, bounded by a retention count, and erased with the customer they name (docs/erasure.md).
/// </summary>
/// <remarks>
/// Each deviation is recorded once (its key: journey, customer, kind, touchpoint and time), so a customer whose case is
/// fed again (identity stitching, or a return after eviction from the live state) does not show a deviation twice.
/// Thread-safe (a connection per call).
/// </remarks>
public static class LiveDeviationLog
{
    /// <summary>The default number of deviations kept per workspace.</summary>
    public const int DefaultRetention = 10_000;

    /// <summary>
    /// Records <paramref name="deviations"/> (those recorded before are ignored) in one transaction, then drops the oldest
    /// beyond <paramref name="retention"/>; returns the deviations that were new.
    /// </summary>
    public static IReadOnlyList<LiveDeviation> Record(string workspaceFolder, IReadOnlyList<LiveDeviation> deviations, int retention = DefaultRetention)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        var added = new List<LiveDeviation>();
        if (deviations.Count == 0)
        {
            return added;
        }

        using var connection = RuleFiringLog.Side.Open(workspaceFolder);
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT OR IGNORE INTO deviations (dedup_key, journey, customer, at_ticks, body) VALUES ($key, $journey, $customer, $at, $body)";
            var key = command.Parameters.Add("$key", Microsoft.Data.Sqlite.SqliteType.Text);
            var journey = command.Parameters.Add("$journey", Microsoft.Data.Sqlite.SqliteType.Text);
            var customer = command.Parameters.Add("$customer", Microsoft.Data.Sqlite.SqliteType.Text);
            var at = command.Parameters.Add("$at", Microsoft.Data.Sqlite.SqliteType.Integer);
            var body = command.Parameters.Add("$body", Microsoft.Data.Sqlite.SqliteType.Text);
            foreach (var deviation in deviations)
            {
                key.Value = Key(deviation);
                journey.Value = deviation.Journey;
                customer.Value = deviation.Customer;
                at.Value = deviation.At.UtcTicks;
                body.Value = JsonSerializer.Serialize(deviation, ResultJson.Options);
                if (command.ExecuteNonQuery() > 0)
                {
                    added.Add(deviation);
                }
            }
        }

        if (added.Count > 0)
        {
            using var prune = connection.CreateCommand();
            prune.CommandText = "DELETE FROM deviations WHERE seq <= (SELECT seq FROM deviations ORDER BY seq DESC LIMIT 1 OFFSET $keep)";
            prune.Parameters.AddWithValue("$keep", Math.Max(1, retention));
            prune.ExecuteNonQuery();
        }

        transaction.Commit();
        return added;
    }

    /// <summary>The recorded deviations, newest first (by time), at most <paramref name="limit"/> after skipping <paramref name="offset"/>, optionally of one journey.</summary>
    public static IReadOnlyList<LiveDeviation> List(string workspaceFolder, int limit = 100, string? journey = null, int offset = 0)
    {
        var deviations = new List<LiveDeviation>();
        if (!RuleFiringLog.Side.Exists(workspaceFolder))
        {
            return deviations;
        }

        using var connection = RuleFiringLog.Side.Open(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM deviations WHERE $journey IS NULL OR journey = $journey ORDER BY at_ticks DESC, seq DESC LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$journey", (object?)journey ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (JsonSerializer.Deserialize<LiveDeviation>(reader.GetString(0), ResultJson.Options) is { } deviation)
            {
                deviations.Add(deviation);
            }
        }

        return deviations;
    }

    /// <summary>How many deviations are kept for the workspace.</summary>
    public static long Count(string workspaceFolder)
    {
        if (!RuleFiringLog.Side.Exists(workspaceFolder))
        {
            return 0;
        }

        using var connection = RuleFiringLog.Side.Open(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM deviations";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Key(LiveDeviation d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Journey}/{d.Customer}/{d.Kind}/{d.Touchpoint}/{d.At.UtcTicks}");
}
