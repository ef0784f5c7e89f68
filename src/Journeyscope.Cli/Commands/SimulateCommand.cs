using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Journeyscope.Cli.Output;
using Journeyscope.IO;
using Journeyscope.IO.Simulation;
using Journeyscope.Journeys;
using Journeyscope.Simulation;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope simulate --scenario FILE</c>: generates a customer value stream with known injected problems.</summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var scenarioFile = new Option<string>("--scenario") { Description = "The scenario YAML (docs/simulation.md). Example: --scenario samples/retail/scenario.yaml", Required = true };
        var journeyFile = new Option<string?>("--journey") { Description = "The designed journey YAML (default: journeys/retail.yaml beside the scenario, else the built-in retail journey)." };
        var customers = new Option<int?>("--customers") { Description = "Number of customers (default: the scenario's). Example: --customers 100000" };
        var seed = new Option<int>("--seed") { Description = "The seed: same seed, same bytes. Default 1.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out", "-o") { Description = "Write to a file instead of the workspace: .xes, .xes.gz, .csv, .jsonl, .parquet or .jsonocel (objects: customers, orders, tickets)." };
        var groundTruth = new Option<string?>("--ground-truth") { Description = "Write the ground truth (injected problems, affected cases, KPI effects) as JSON." };
        var live = new Option<bool>("--live") { Description = "Stream the customers through the collector of a running server (--server, --key) instead of writing them: anonymous browsing, identify, orders from the back end." };
        var server = new Option<string>("--server") { Description = "With --live: the server's address. Default http://127.0.0.1:5080.", DefaultValueFactory = _ => ServeCommand.DefaultUrls };
        var key = new Option<string?>("--key") { Description = "With --live: the workspace's ingest key (default: a new key is created for --workspace, which must be a workspace folder the server hosts)." };
        var rate = new Option<double>("--rate") { Description = "With --live: messages per second. Example: --rate 200", DefaultValueFactory = _ => 100 };
        var command = new Command("simulate", "Simulate an omnichannel customer value stream with known injected problems, into the workspace or a file.\n" +
            "Examples:\n  journeyscope simulate --scenario samples/retail/scenario.yaml --customers 100000 --seed 7 --out retail.parquet\n" +
            "  journeyscope simulate --scenario samples/retail/scenario.yaml --workspace ./demo --ground-truth truth.json\n" +
            "  journeyscope simulate --scenario samples/retail/scenario.yaml --customers 200 --live --server http://127.0.0.1:5080 --key jsi_...")
        {
            scenarioFile, journeyFile, customers, seed, output, groundTruth, live, server, key, rate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var scenarioPath = parse.GetRequiredValue(scenarioFile);
            var scenario = ScenarioYaml.Read(scenarioPath);
            var journey = ReadJourney(parse.GetValue(journeyFile), scenarioPath);

            var count = parse.GetValue(customers);
            if (count is < 0)
            {
                throw new UsageException("--customers must not be negative.");
            }

            var outPath = parse.GetValue(output);
            if (parse.GetValue(live))
            {
                return await StreamLiveAsync(context, parse, scenarioPath, scenario, journey, count, parse.GetValue(seed), parse.GetRequiredValue(server),
                    parse.GetValue(key), parse.GetValue(rate), outPath, cancellationToken).ConfigureAwait(false);
            }

            EventLogFormat? outFormat = outPath is null ? null : EventLogFile.FromName(outPath)
                ?? throw new UsageException($"Cannot tell the output format from '{Path.GetFileName(outPath)}'; use .xes, .xes.gz, .csv, .jsonl, .parquet or .jsonocel.");
            if (outFormat == EventLogFormat.Ocel && !outPath!.EndsWith(".jsonocel", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"Objects are written as OCEL 2.0 JSON only: name the file '.jsonocel' (was '{Path.GetFileName(outPath)}').");
            }

            var watch = Stopwatch.StartNew();
            var progress = new SimulationProgressBar(context.Error, context.Interactive);
            var result = Simulator.Run(journey, scenario, new SimulationOptions { Customers = count, Seed = parse.GetValue(seed), Progress = progress }, cancellationToken);
            progress.Done();
            var simulated = watch.Elapsed;
            string target;
            if (outPath is not null)
            {
                if (outFormat == EventLogFormat.Ocel)
                {
                    OcelJsonExporter.Export(result.Objects, outPath);
                }
                else
                {
                    EventLogFile.Export(result.Log, outPath, outFormat);
                }

                target = outPath;
            }
            else
            {
                using var workspace = Workspace.Open(parse.GetRequiredValue(context.Workspace));
                var import = new ImportResult(result.Log, "simulation", result.Log.EventCount, [], []) { Objects = result.Objects };
                workspace.AppendAsync(import, "simulate:" + Path.GetFileName(scenarioPath), cancellationToken).GetAwaiter().GetResult();
                target = workspace.Folder;
            }

            var truthPath = parse.GetValue(groundTruth);
            if (truthPath is not null)
            {
                result.GroundTruth.WriteJson(truthPath);
            }

            context.Output.Write(Describe(result, target, simulated, watch.Elapsed, truthPath, context.GetFormat(parse)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> StreamLiveAsync(
        CliContext context, ParseResult parse, string scenarioPath, Scenario scenario, DesignedJourney journey, int? count, int seed, string address,
        string? key, double rate, string? outPath, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(address.TrimEnd('/') + "/", UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--server '{address}' is not an http(s) address. Example: --server http://127.0.0.1:5080");
        }

        if (outPath is not null)
        {
            throw new UsageException("--live sends the customers to a server; it does not write --out.");
        }

        if (rate is <= 0 or > 100_000)
        {
            throw new UsageException("--rate must be more than 0 and at most 100,000 messages a second.");
        }

        if (key is null)
        {
            var folder = parse.GetRequiredValue(context.Workspace);
            if (!File.Exists(Path.Combine(folder, "journeyscope.duckdb")))
            {
                throw new UsageException($"'{folder}' is not a workspace folder: pass --key (an ingest key of the workspace), or --workspace the folder the server hosts.");
            }

            key = Journeyscope.Storage.Collector.IngestKeys.Create(folder, "simulate --live");
            context.Error.WriteLine($"Created an ingest key for {folder}.");
        }

        var result = Simulator.Run(journey, scenario, new SimulationOptions { Customers = count, Seed = seed }, cancellationToken);
        var messages = SimulateLive.Messages(result.Log, seed);
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Streaming {result.Log.CaseCount:N0} customers ({messages.Count:N0} messages) from {Path.GetFileName(scenarioPath)} to {server} at {rate:N0} a second..."));
        var summary = await SimulateLive.StreamAsync(server, key, messages, result.Log.CaseCount, rate, context.Error, cancellationToken).ConfigureAwait(false);
        var report = new Report { Json = summary };
        report.Add(new Table("Live stream", "Server", "Customers", "Messages", "Acknowledged", "Failed", "Requests", "Seconds", "Messages/s")
            .Add(summary.Server, summary.Customers, summary.Messages, summary.Acknowledged, summary.Failed, summary.Requests,
                Math.Round(summary.Seconds, 2), Math.Round(summary.MessagesPerSecond, 1)));
        report.Write(context.GetFormat(parse), context.Output);
        return summary.Failed == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private static DesignedJourney ReadJourney(string? path, string scenarioPath)
    {
        if (path is null)
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioPath)) ?? ".", "journeys", "retail.yaml");
            if (!File.Exists(beside))
            {
                return RetailJourney.Create();
            }

            path = beside;
        }

        return JourneyFiles.ReadValid(path);
    }

    private static string Describe(SimulationResult result, string target, TimeSpan simulated, TimeSpan total, string? truthPath, OutputFormat format)
    {
        var report = new Report();
        var summary = new Table("Simulation", "Customers", "Events", "Activities", "Simulated (s)", "Total (s)", "Written to");
        summary.Add((long)result.Log.CaseCount, (long)result.Log.EventCount, (long)result.Log.ActivityCount,
            Human.Duration(Math.Round(simulated.TotalSeconds, 2)), Human.Duration(Math.Round(total.TotalSeconds, 2)), target);
        var problems = new Table("Injected problems", "Id", "Kind", "Affected cases", "Touchpoints");
        foreach (var problem in result.GroundTruth.Problems)
        {
            problems.Add(problem.Id, problem.Kind, (long)problem.AffectedCases.Count, string.Join(", ", problem.Touchpoints));
        }

        report.Add(summary).Add(problems);
        if (truthPath is not null)
        {
            report.Notes.Add("Ground truth: " + truthPath);
        }

        report.Json = new
        {
            customers = result.Log.CaseCount,
            events = result.Log.EventCount,
            activities = result.Log.ActivityCount,
            seed = result.GroundTruth.Seed,
            simulatedSeconds = simulated.TotalSeconds,
            totalSeconds = total.TotalSeconds,
            writtenTo = target,
            groundTruth = truthPath,
            problems = result.GroundTruth.Problems.Select(p => new { id = p.Id, kind = p.Kind, affectedCases = p.AffectedCases.Count, touchpoints = p.Touchpoints }),
        };
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        report.Write(format, writer);
        return writer.ToString();
    }

    private sealed class SimulationProgressBar(TextWriter error, bool enabled) : IProgress<SimulationProgress>
    {
        private bool _drawn;

        public void Report(SimulationProgress value)
        {
            if (!enabled)
            {
                return;
            }

            _drawn = true;
            var share = value.CustomersTotal == 0 ? 1 : (double)value.CustomersDone / value.CustomersTotal;
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\rsimulate {share,4:P0} {value.CustomersDone:N0} customers, {value.EventsGenerated:N0} events"));
        }

        public void Done()
        {
            if (_drawn)
            {
                error.WriteLine();
            }
        }
    }
}
