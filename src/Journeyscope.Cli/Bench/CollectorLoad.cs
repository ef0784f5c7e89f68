using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// The events of <c>bench collector</c>: event n has the id <c>e-n</c>, the customer <c>c-(n mod 1000)</c>, the activity
/// <c>Step (n mod 7)</c>, a time n seconds after 2026-03-01 09:00 UTC and the property <c>n</c>; the same events as
/// Segment and PostHog request bodies (in turn) and as rows of raw DuckDB appends.
/// </summary>
internal static class CollectorLoad
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>One body per request (a function of the key): even requests Segment <c>/v1/batch</c>, odd ones PostHog <c>/batch/</c>.</summary>
    public static List<(bool Segment, Func<string, string> Body)> Bodies(int events, int batch)
    {
        var bodies = new List<(bool, Func<string, string>)>();
        for (var first = 0; first < events; first += batch)
        {
            var from = first;
            var to = Math.Min(events, first + batch);
            var segment = first / batch % 2 == 0;
            var messages = new List<Dictionary<string, object>>(to - from);
            for (var n = from; n < to; n++)
            {
                var at = Start.AddSeconds(n).ToString("O", CultureInfo.InvariantCulture);
                messages.Add(segment
                    ? new() { ["type"] = "track", ["messageId"] = Id(n), ["userId"] = Customer(n), ["event"] = Activity(n), ["timestamp"] = at, ["properties"] = new Dictionary<string, long> { ["n"] = n } }
                    : new() { ["uuid"] = Id(n), ["distinct_id"] = Customer(n), ["event"] = Activity(n), ["timestamp"] = at, ["properties"] = new Dictionary<string, long> { ["n"] = n } });
            }

            var json = JsonSerializer.Serialize(messages);
            bodies.Add((segment, segment
                ? key => "{\"writeKey\":" + JsonSerializer.Serialize(key) + ",\"batch\":" + json + "}"
                : key => "{\"api_key\":" + JsonSerializer.Serialize(key) + ",\"batch\":" + json + "}"));
        }

        return bodies;
    }

    /// <summary>Appends the same events to a new DuckDB file with the appender, one transaction (and commit) per batch.</summary>
    public static (double Seconds, double P50, double P99) TimeDuckDbAppends(string database, int events, int batch)
    {
        using var connection = new DuckDBConnection($"DataSource={database}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE events (event_id VARCHAR, case_id VARCHAR, activity VARCHAR, ts BIGINT, offset_min SMALLINT, n BIGINT)";
            create.ExecuteNonQuery();
        }

        var latencies = new double[(events + batch - 1) / batch];
        var watch = Stopwatch.StartNew();
        for (var first = 0; first < events; first += batch)
        {
            var started = Stopwatch.GetTimestamp();
            using (var transaction = connection.BeginTransaction())
            {
                using (var appender = connection.CreateAppender("events"))
                {
                    for (var n = first; n < Math.Min(events, first + batch); n++)
                    {
                        appender.CreateRow().AppendValue(Id(n)).AppendValue(Customer(n)).AppendValue(Activity(n))
                            .AppendValue(Start.AddSeconds(n).UtcTicks).AppendValue((short)0).AppendValue((long)n).EndRow();
                    }
                }

                transaction.Commit();
            }

            latencies[first / batch] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        watch.Stop();
        return (watch.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>The rows (event id, case, activity, timestamp) that one side stored and the other did not, counted both ways.</summary>
    public static long Differences(string baseline, string workspace)
    {
        using var connection = new DuckDBConnection($"DataSource={baseline}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"ATTACH '{workspace.Replace("'", "''", StringComparison.Ordinal)}' AS ws (READ_ONLY); " +
            "SELECT (SELECT count(*) FROM (SELECT event_id, case_id, activity, ts FROM events EXCEPT ALL SELECT event_id, case_id, activity, ts FROM ws.events)) + " +
            "(SELECT count(*) FROM (SELECT event_id, case_id, activity, ts FROM ws.events EXCEPT ALL SELECT event_id, case_id, activity, ts FROM events))";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The <paramref name="share"/> percentile (nearest rank) of <paramref name="values"/>, which it sorts.</summary>
    public static double Percentile(double[] values, double share)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        Array.Sort(values);
        var rank = (int)Math.Ceiling(share * values.Length) - 1;
        return values[Math.Clamp(rank, 0, values.Length - 1)];
    }

    private static string Id(int n) => "e-" + n.ToString(CultureInfo.InvariantCulture);

    private static string Customer(int n) => "c-" + (n % 1_000).ToString(CultureInfo.InvariantCulture);

    private static string Activity(int n) => "Step " + (n % 7).ToString(CultureInfo.InvariantCulture);
}
