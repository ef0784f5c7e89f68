using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Journeyscope.IO;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Journeyscope.Benchmarks.Server;

/// <summary>
/// The process map request path, measured end to end: GET /process-map against the app hosted in-process (TestServer, no
/// sockets), on a generated retail log stored in a workspace, side by side with the DFG as DuckDB SQL (LAG over the same
/// workspace's events table). Usage: dotnet run -c Release --project benchmarks/Journeyscope.Benchmarks.Server -- [--events N]
/// </summary>
internal static class MapBenchmark
{
    private const string Workspace = "bench";

    public static async Task Main(string[] args)
    {
        var events = 1_000_000L;
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--events")
            {
                events = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        var root = Directory.CreateTempSubdirectory("journeyscope-map-bench-");
        try
        {
            // Given a workspace holding the generated log
            var generated = Stopwatch.StartNew();
            var log = RetailLog.Build(events);
            string database;
            using (var warmup = Journeyscope.Storage.Workspace.Open(Path.Combine(root.FullName, "warmup")))
            {
                var small = RetailLog.Build(5_000, seed: 3);
                await warmup.AppendAsync(new ImportResult(small, "generated", small.EventCount, [], []), "warmup.generated");
            }

            using (var workspace = Journeyscope.Storage.Workspace.Open(Path.Combine(root.FullName, Workspace)))
            {
                await workspace.AppendAsync(new ImportResult(log, "generated", log.EventCount, [], []), "retail.generated");
                database = workspace.DatabasePath;
            }

            Console.Error.WriteLine($"{log.EventCount:N0} events, {log.CaseCount:N0} cases, {log.ActivityCount} activities stored in {generated.Elapsed.TotalSeconds:F1} s");

            // The baseline first, while nothing else holds the database: the DFG with frequencies, and with the seconds the map shows
            var baseline = Baseline(database);

            // The server over the same workspaces, with the web project's folder as content root (found from the repository)
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_JOURNEYSCOPE_SERVER", ServerProjectFolder());
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Journeyscope:WorkspacesRoot", root.FullName);
                builder.UseSetting("Journeyscope:CreateDemo", "false");
            });
            using var client = factory.CreateClient();

            // Every request kind once on a small workspace first, so that no step below pays for JIT compilation
            foreach (var query in new[] { "", "?paths=0.5", "?activities=0.8", "?filter=" + Uri.EscapeDataString("time started 2024-01-01..2024-07-01") })
            {
                await Time(client, "/api/v1/workspaces/warmup/process-map" + query);
            }

            var loaded = await Time(client, $"/api/v1/workspaces/{Workspace}/summary");
            Console.Error.WriteLine($"log loaded and summarised in {loaded:F0} ms");

            var map = $"/api/v1/workspaces/{Workspace}/process-map";
            var filtered = map + "?filter=" + Uri.EscapeDataString("time started 2024-01-01..2024-07-01");

            // A filter that keeps every case but is new to the cache: the request filters and computes the whole map again.
            // Three such requests, best of 3, are timed the same way as DuckDB's query (best of 3): the like-for-like row.
            static string KeepAll(string url, int day) =>
                url + "?filter=" + Uri.EscapeDataString($"time started 1970-01-01..2100-01-0{day}");
            var rows = new List<(string Step, double Ms, bool Computed, string Note)>
            {
                ("first map (log cached, map not)", await Time(client, map), false, "one run: DFG, edge seconds, waits"),
                ("map computed again, best of 3", await Best(client, [KeepAll(map, 1), KeepAll(map, 2), KeepAll(map, 3)]), true,
                    "a new keep-all filter each time: filter + full map"),
                ("path slider move (cached DFG)", await Median(client, [map + "?paths=0.8", map + "?paths=0.5", map + "?paths=0.3", map + "?paths=0.9", map + "?paths=0.6"]), false, "cache hit, median of 5 positions"),
                ("repeated request", await Median(client, [map, map, map, map, map]), false, "cache hit, median of 5"),
                ("activity slider, new kept set", await Time(client, map + "?activities=0.8"), false, "one pass over the kept activities"),
                ("activity slider, same kept set", await Median(client, [map + "?activities=0.81", map + "?activities=0.8&paths=0.5", map + "?activities=0.82"]), false, "cache hit, median of 3"),
                ("filtered map, first (filter + map)", await Time(client, filtered), false, "time started in H1"),
                ("filtered map, slider move", await Median(client, [filtered + "&paths=0.5", filtered + "&paths=0.7", filtered + "&paths=0.3"]), false, "cache hit, median of 3"),
                ("filtered map, repeated", await Median(client, [filtered, filtered, filtered]), false, "cache hit, median of 3"),
            };

            Console.WriteLine();
            Console.WriteLine($"Process map benchmark: GET /process-map in-process, {log.EventCount:N0} events, {log.CaseCount:N0} cases");
            Console.WriteLine($"Baseline: DuckDB SQL over the workspace's events table, frequency DFG {baseline.Frequency:F0} ms, performance DFG {baseline.Performance:F0} ms (best of 3)");
            Console.WriteLine("The DuckDB ratio is printed only where our request computes the whole map, timed best of 3 like the query;");
            Console.WriteLine("a cache hit or a partial recomputation is not divided into a query that does the whole work.");
            Console.WriteLine();
            Console.WriteLine($"{"Step",-38} {"Ours (ms)",10} {"vs DuckDB perf DFG",19} {"vs 300 ms target",17}  Note");
            foreach (var (step, ms, computed, note) in rows)
            {
                var ratio = computed ? $"{baseline.Performance / ms,18:F1}x" : $"{"-",19}";
                Console.WriteLine($"{step,-38} {ms,10:F1} {ratio} {300 / ms,16:F1}x  {note}");
            }
        }
        finally
        {
            try
            {
                root.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<double> Time(HttpClient client, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} failed ({(int)response.StatusCode}): {System.Text.Encoding.UTF8.GetString(body)}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> Best(HttpClient client, string[] urls)
    {
        var best = double.MaxValue;
        foreach (var url in urls)
        {
            best = Math.Min(best, await Time(client, url));
        }

        return best;
    }

    private static async Task<double> Median(HttpClient client, string[] urls)
    {
        var times = new double[urls.Length];
        for (var i = 0; i < urls.Length; i++)
        {
            times[i] = await Time(client, urls[i]);
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }

    private static (double Frequency, double Performance) Baseline(string database)
    {
        using var connection = new DuckDBConnection($"DataSource={database}");
        connection.Open();
        const string Frequency =
            """
            SELECT a, b, count(*), count(DISTINCT case_id) FROM (
              SELECT case_id, lag(activity) OVER w AS a, activity AS b FROM events WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq))
            WHERE a IS NOT NULL GROUP BY a, b
            """;
        const string Performance =
            """
            SELECT a, b, count(*), count(DISTINCT case_id), avg(s), median(s), min(s), max(s), sum(s), quantile_cont(s, 0.9) FROM (
              SELECT case_id, lag(activity) OVER w AS a, activity AS b, (ts - lag(ts) OVER w) / 1e7 AS s
              FROM events WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq))
            WHERE a IS NOT NULL GROUP BY a, b
            """;
        return (Best(connection, Frequency), Best(connection, Performance));
    }

    private static double Best(DuckDBConnection connection, string sql)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var values = new object[reader.FieldCount];
            while (reader.Read())
            {
                reader.GetValues(values);
            }

            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }

    private static string ServerProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Journeyscope.Server");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return AppContext.BaseDirectory;
    }
}
