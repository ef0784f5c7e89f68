using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Server.Services;
using Journeyscope.Simulation;
using Journeyscope.Storage;
using Journeyscope.Storage.Collector;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench refresh</c>: what a team's pages ask after each collector batch, over HTTP against the real server
/// in this process: the journey's conformance, KPIs, KPI tree, performance in its order and the bottlenecks of a simulated
/// retail workspace the server follows, answered from partials (only the changed partitions merged again), against the
/// same requests answered by the store path (the workspace forgotten: every event read again and every analysis run on
/// the whole log), in the same run, round after round. The two sides' answers are checked equal, byte for byte.
/// </summary>
internal static class BenchRefreshCommand
{
    private const string WorkspaceName = "bench";
    private const string Journey = "retail";
    private const int MessagesPerRequest = 100;

    private static readonly string[] Paths =
    [
        $"journeys/{Journey}/conformance", $"journeys/{Journey}/kpis", $"journeys/{Journey}/kpis/tree", $"performance?journey={Journey}", "bottlenecks",
    ];

    public static Command Create(CliContext context)
    {
        var customers = new Option<int>("--customers") { Description = "Simulated customers in the workspace (70,000 give about 1M events). Example: --customers 70000", DefaultValueFactory = _ => 20_000 };
        var batch = BenchOptions.Batch("Collector messages sent each round, from customers new to the workspace.", 1_000);
        var rounds = BenchOptions.Rounds();
        var verbose = BenchOptions.Verbose("Also list each request's seconds on both paths, round by round.");
        var command = new Command("refresh",
            "The journey's conformance, KPIs, KPI tree, performance and bottlenecks over HTTP after each collector batch: a followed\n" +
            "workspace's answers from partials versus the store path (whole read and analyses) in the same run, answers checked equal.\n" +
            "Example: journeyscope bench refresh --customers 70000 --batch 1000 --rounds 3")
        {
            customers, batch, rounds, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = BenchOptions.InRange(parse, customers, 10, 1_000_000);
            var size = BenchOptions.InRange(parse, batch, 1, 100_000);
            var n = BenchOptions.InRange(parse, rounds, 1, 100);
            var folder = Directory.CreateTempSubdirectory("journeyscope-bench-refresh-");
            try
            {
                var workspace = Path.Combine(folder.FullName, WorkspaceName);
                var demo = await DemoWorkspace.EnsureAsync(workspace, count, cancellationToken).ConfigureAwait(false);
                if (demo.JourneyFile is null)
                {
                    throw new UsageException("bench refresh needs the retail sample (samples/retail) beside the program or in a parent folder of the current one.");
                }

                var key = IngestKeys.Create(workspace, "bench");
                var server = await BenchServer.StartAsync(folder.FullName, cancellationToken).ConfigureAwait(false);
                await using (server.ConfigureAwait(false))
                {
                    server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.OwnerKey);
                    var table = await RunAsync(server, key, size, n, cancellationToken).ConfigureAwait(false);
                    await server.StopAsync(cancellationToken).ConfigureAwait(false);
                    var report = new Report().Add(table.Table);
                    if (parse.GetValue(verbose))
                    {
                        report.Add(table.Requests);
                    }

                    report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"Live path: the server follows the workspace; each request merges the changed partitions' partials and finishes. Store path: the workspace forgotten (live log, whole-log and analysis caches), so the first request reads every event again. Requests: {string.Join(", ", Paths)}. Each side's seconds are the sum of the five requests' wall times; 'asked again' is the live path's same requests at the same version right after (answers kept per version). {size:N0} messages a round from new customers, {MessagesPerRequest} per request, acknowledged after their commit."));
                    report.Notes.Add(table.Differences.Count == 0
                        ? "Results equal: every answer of the live path equals the store path's, byte for byte, in every round."
                        : "RESULTS DIFFER: " + string.Join("; ", table.Differences.Take(5)));
                    report.Write(context.GetFormat(parse), context.Output);
                    return table.Differences.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
                }
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        });
        return command;
    }

    private static async Task<(Table Table, Table Requests, List<string> Differences)> RunAsync(
        BenchServer server, string key, int size, int rounds, CancellationToken cancellationToken)
    {
        var client = server.Client;
        var live = server.Services.GetRequiredService<LiveLogCache>();
        var logs = server.Services.GetRequiredService<EventLogCache>();
        var analyses = server.Services.GetRequiredService<AnalysisCache>();
        var table = new Table("Refresh after a collector batch (HTTP)", "Round", "Events stored", "Collector (s)", "Live path (s)", "Live, asked again (s)", "Store path (s)", "Speed-up");
        var requests = new Table("Each request", "Round", "Request", "Live path (s)", "Store path (s)");
        var differences = new List<string>();
        var journey = RetailJourney.Create();
        await FollowAsync(client, cancellationToken).ConfigureAwait(false);
        for (var round = 1; round <= rounds; round++)
        {
            // A batch of customers new to the workspace, as the collector receives them
            var messages = Messages(journey, size, round, cancellationToken);
            var collector = Stopwatch.StartNew();
            await SendAsync(client, key, messages, cancellationToken).ConfigureAwait(false);
            collector.Stop();

            var (liveTimes, liveAnswers) = await AskAsync(client, cancellationToken).ConfigureAwait(false);
            var (againTimes, againAnswers) = await AskAsync(client, cancellationToken).ConfigureAwait(false);
            live.Forget(WorkspaceName);
            logs.Forget(WorkspaceName);
            analyses.Forget(WorkspaceName);
            var (storeTimes, storeAnswers) = await AskAsync(client, cancellationToken).ConfigureAwait(false);
            var (liveSeconds, storeSeconds) = (liveTimes.Sum(), storeTimes.Sum());
            for (var p = 0; p < Paths.Length; p++)
            {
                requests.Add((long)round, Paths[p], Human.Duration(liveTimes[p]), Human.Duration(storeTimes[p]));
                if (!string.Equals(liveAnswers[p], storeAnswers[p], StringComparison.Ordinal) || !string.Equals(againAnswers[p], liveAnswers[p], StringComparison.Ordinal))
                {
                    differences.Add(string.Create(CultureInfo.InvariantCulture, $"round {round}: {Paths[p]}"));
                }
            }

            var events = JsonNode.Parse(await GetAsync(client, string.Empty, cancellationToken).ConfigureAwait(false))?["events"]?.GetValue<long>();
            table.Add((long)round, events, Human.Duration(collector.Elapsed.TotalSeconds), Human.Duration(liveSeconds), Human.Duration(againTimes.Sum()), Human.Duration(storeSeconds),
                storeSeconds / liveSeconds);

            // Not timed: the server follows the workspace again, and its partial caches are made again, as after the first page view
            await FollowAsync(client, cancellationToken).ConfigureAwait(false);
        }

        return (table, requests, differences);
    }

    /// <summary>Follows the workspace (GET …/live) and asks every request once, so each partial cache holds every segment.</summary>
    private static async Task FollowAsync(HttpClient client, CancellationToken cancellationToken)
    {
        await GetAsync(client, "live", cancellationToken).ConfigureAwait(false);
        await AskAsync(client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every request in turn: the wall seconds of each (request sent to body read) and its answer.</summary>
    private static async Task<(double[] Seconds, string[] Answers)> AskAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var answers = new string[Paths.Length];
        var seconds = new double[Paths.Length];
        for (var p = 0; p < Paths.Length; p++)
        {
            var started = Stopwatch.GetTimestamp();
            answers[p] = await GetAsync(client, Paths[p], cancellationToken).ConfigureAwait(false);
            seconds[p] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        return (seconds, answers);
    }

    private static async Task<string> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var uri = path.Length == 0 ? $"/api/v1/workspaces/{WorkspaceName}" : $"/api/v1/workspaces/{WorkspaceName}/{path}";
        using var response = await client.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? text
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>
    /// The first <paramref name="size"/> messages of simulated customers (seed 1000 + <paramref name="round"/>), their ids made
    /// new to the workspace (the simulator numbers customers alike in every run).
    /// </summary>
    private static List<JsonObject> Messages(Journeys.DesignedJourney journey, int size, int round, CancellationToken cancellationToken)
    {
        var seed = 1000 + round;
        var simulated = Simulator.Run(journey, Scenario.Default, new SimulationOptions { Customers = Math.Max(1, size / 10), Seed = seed }, cancellationToken).Log;
        var messages = SimulateLive.Messages(simulated, seed);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"r{round}-");
        foreach (var message in messages)
        {
            foreach (var field in new[] { "userId", "anonymousId", "previousId" })
            {
                if (message[field] is JsonValue id)
                {
                    message[field] = prefix + id.GetValue<string>();
                }
            }
        }

        return messages.Count > size ? messages.GetRange(0, size) : messages;
    }

    private static async Task SendAsync(HttpClient client, string key, List<JsonObject> messages, CancellationToken cancellationToken)
    {
        var authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        for (var first = 0; first < messages.Count; first += MessagesPerRequest)
        {
            var batch = new JsonArray([.. messages.GetRange(first, Math.Min(MessagesPerRequest, messages.Count - first)).Select(m => (JsonNode)m.DeepClone())]);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch")
            {
                Content = new StringContent(new JsonObject { ["batch"] = batch }.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = authorization;
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The collector answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
            }
        }
    }
}
