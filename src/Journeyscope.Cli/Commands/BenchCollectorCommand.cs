using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Storage;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench collector</c>: sustained events per second through the collector (the real server in this
/// process on 127.0.0.1, Segment and PostHog batches from concurrent senders, each acknowledged only after its commit)
/// with the p50/p99 latency per request, against raw DuckDB appends of the same events (one durable commit per batch)
/// in the same run. The stored rows of both sides are checked equal.
/// </summary>
internal static class BenchCollectorCommand
{
    private const string WorkspaceName = "bench";

    public static Command Create(CliContext context)
    {
        var events = new Option<int>("--events")
        {
            Description = "Events to send. Example: --events 100000",
            DefaultValueFactory = _ => 50_000,
        };
        var batch = BenchOptions.Batch("Events per request (the SDKs send 20 to 100).", 50);
        var senders = new Option<int>("--senders")
        {
            Description = "Concurrent senders (clients with a request in flight). Example: --senders 16",
            DefaultValueFactory = _ => 8,
        };
        var command = new Command("collector",
            "Events per second through the collector with durable acknowledgements, and the p99 latency per request, versus raw " +
            "DuckDB appends of the same events (one commit per batch) in the same run; the stored rows are checked equal.\n" +
            "Example: journeyscope bench collector --events 50000 --batch 50 --senders 8")
        {
            events, batch, senders,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = BenchOptions.InRange(parse, events, 1, 10_000_000);
            var size = BenchOptions.InRange(parse, batch, 1, 1_000);
            var concurrency = BenchOptions.InRange(parse, senders, 1, 256);

            var folder = Directory.CreateTempSubdirectory("journeyscope-bench-collector-");
            try
            {
                var bodies = CollectorLoad.Bodies(count, size);
                var ours = await TimeCollectorAsync(folder.FullName, bodies, concurrency, cancellationToken).ConfigureAwait(false);
                var baselinePath = Path.Combine(folder.FullName, "baseline.duckdb");
                var baseline = CollectorLoad.TimeDuckDbAppends(baselinePath, count, size);
                var differences = CollectorLoad.Differences(baselinePath, Path.Combine(folder.FullName, WorkspaceName, "journeyscope.duckdb"));
                var table = new Table("Collector benchmark", "Side", "Events", "Requests", "Seconds", "Events/s", "p50 ms", "p99 ms", "Ratio");
                table.Add("Collector (HTTP, ack after commit)", (long)count, (long)bodies.Count, Human.Duration(ours.Seconds), count / ours.Seconds,
                    ours.P50, ours.P99, count / ours.Seconds / (count / baseline.Seconds));
                table.Add("DuckDB appender, one commit per batch", (long)count, (long)bodies.Count, Human.Duration(baseline.Seconds), count / baseline.Seconds,
                    baseline.P50, baseline.P99, 1.0);
                var report = new Report().Add(table);
                report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Ratio = our events/s / baseline events/s. {concurrency} senders, {size} events a request, Segment and PostHog in turn."));
                report.Notes.Add(differences == 0
                    ? "Checked: both sides stored the same rows (event id, case, activity, timestamp)."
                    : string.Create(CultureInfo.InvariantCulture, $"MISMATCH: {differences} rows differ between the two sides."));
                report.Write(context.GetFormat(parse), context.Output);
                return differences == 0 ? ExitCodes.Success : ExitCodes.BadInput;
            }
            finally
            {
                SqliteCleanup();
                folder.Delete(recursive: true);
            }
        });
        return command;
    }

    private static async Task<(double Seconds, double P50, double P99)> TimeCollectorAsync(
        string root, IReadOnlyList<(bool Segment, Func<string, string> Body)> bodies, int concurrency, CancellationToken cancellationToken)
    {
        var workspace = Path.Combine(root, WorkspaceName);
        Workspace.Open(workspace).Dispose();
        var key = IngestKeys.Create(workspace, "bench");
        var server = await BenchServer.StartAsync(root, cancellationToken).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            var client = server.Client;
            var latencies = new double[bodies.Count];
            var next = -1;
            var watch = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, concurrency).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < bodies.Count; i = Interlocked.Increment(ref next))
                {
                    var (segment, body) = bodies[i];
                    using var content = new StringContent(body(key), Encoding.UTF8, "application/json");
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.PostAsync(segment ? "/v1/batch" : "/batch/", content, cancellationToken).ConfigureAwait(false);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"The collector answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
                    }
                }
            }).ToArray();
            await Task.WhenAll(tasks).ConfigureAwait(false);
            watch.Stop();
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
            return (watch.Elapsed.TotalSeconds, CollectorLoad.Percentile(latencies, 0.50), CollectorLoad.Percentile(latencies, 0.99));
        }
    }

    // The keys file is SQLite; its pooled connection would keep the file open on Windows.
    private static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
