using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.IO;
using Journeyscope.Partitions;
using Journeyscope.Storage;
using EventLog = Journeyscope.EventLogs.EventLog;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench append</c>: with the generated log stored in a workspace, each round appends a batch of events (the
/// next ones in time: continuing journeys and new ones) and gets the refreshed process map, KPIs and conformance two ways on
/// the same store: the partitioned log grown in place (only the touched partitions re-read and re-analysed, conformance per
/// variant cached) versus today's path (reload the whole log, recompute discovery and alignments). Results are checked equal.
/// </summary>
internal static class BenchAppendCommand
{
    public static Command Create(CliContext context)
    {
        var rounds = new AppendRounds();
        var partitions = new Option<int>("--partitions")
        {
            Description = "Partitions of the grown log. Example: --partitions 64",
            DefaultValueFactory = _ => CasePartitioner.DefaultPartitionCount,
        };
        var noPreload = new Option<bool>("--no-preload")
        {
            Description = "Do not load the dedup filters in the background when the store is reopened (as the CLI): the first append loads them.",
        };
        var verbose = BenchOptions.Verbose(
            "Also list each round's partitioned time by phase: store read, join and partition update, delta and finish, conformance.");
        var command = new Command("append",
            "Append a batch to a stored log and get the refreshed process map, KPIs and conformance: the partitioned log grown in " +
            "place versus a full reload and recompute, on the same store in one run, results checked equal.\n" +
            "Example: journeyscope bench append --events 10000000 --batch 1000")
        {
            rounds.Events, rounds.Batch, rounds.Rounds, partitions, noPreload, verbose,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var partitionCount = BenchOptions.InRange(parse, partitions, 1, CasePartitioner.MaxPartitionCount);
            var code = rounds.Run(parse, cancellationToken, (all, size, count) =>
                Run(context, parse, all, new Settings(size, count, partitionCount, !parse.GetValue(noPreload), parse.GetValue(verbose)), cancellationToken));
            return Task.FromResult(code);
        });
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, EventLog all, Settings settings, CancellationToken cancellationToken)
    {
        var (size, rounds, partitionCount, preload, verbose) = settings;
        // The events in time order: the base is everything before the last rounds * size events; each round appends the next.
        var order = AppendRounds.TimeOrder(all);
        var baseCount = AppendRounds.BaseCount(order, size, rounds);

        var loadBefore = LoadAverage();
        var folder = Directory.CreateTempSubdirectory("journeyscope-bench-append-");
        try
        {
            var baseLog = all.SelectEvents(AppendRounds.Slice(order, 0, baseCount));
            var stored = Stopwatch.StartNew();
            using (var first = Workspace.Open(folder.FullName))
            {
                first.AppendAsync(new ImportResult(baseLog, "csv", baseLog.EventCount, [], []), "base.csv", cancellationToken).GetAwaiter().GetResult();
            }

            stored.Stop();

            // Reopened as a server (re)starts: it loads the dedup filters in the background while the live side warms up.
            using var workspace = Workspace.Open(folder.FullName);
            var filterLoad = Stopwatch.StartNew();
            var loaded = (preload ? workspace.PreloadDedupFilters() : Task.CompletedTask).ContinueWith(
                _ => filterLoad.Stop(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            // The model checked against: mined once from the base log, outside the timings.
            var net = ProcessTreeConversion.ToPetriNet(InductiveMiner.Discover(baseLog, cancellationToken: cancellationToken));
            baseLog = null;

            // The partitioned side warms up once, as a live server does at start.
            var store = new TimedEventStore(workspace);
            var live = new LiveJourney(store, partitionCount);
            var conformance = new VariantConformance(net);
            var warm = Stopwatch.StartNew();
            live.RefreshAsync(conformance, 3, cancellationToken).GetAwaiter().GetResult();
            warm.Stop();
            var loadedBeforeWarm = loaded.IsCompleted;
            loaded.GetAwaiter().GetResult();
            var filterBefore = workspace.EventIdFilterLoads;

            var table = new Table("Append benchmark (seconds)", "Round", "Events stored", "Append", "Partitioned", "Append + partitioned",
                "Full reload + recompute (s)", "Speed-up", "Partitions re-read", "Variants aligned");
            var phases = new Table("Partitioned refresh by phase (seconds)", "Round", "Store read", "Join + partition update", "Delta + finish",
                "Conformance", "Cases changed");
            var differences = new List<string>();
            var ratios = new List<double>();
            var partitionedSeconds = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var slice = all.SelectEvents(AppendRounds.Slice(order, baseCount + (round * size), size));
                var append = Stopwatch.StartNew();
                workspace.AppendAsync(new ImportResult(slice, "csv", slice.EventCount, [], []), $"batch{round}.csv", cancellationToken).GetAwaiter().GetResult();
                append.Stop();

                // The same work as one LiveJourney.RefreshAsync(conformance), in three calls so each phase can be timed.
                var split = new double[3];
                var casesChanged = 0L;
                store.Reset();
                var ours = Measure.Run(() =>
                {
                    var phase = Stopwatch.StartNew();
                    var (_, delta) = live.Log.RefreshWithDeltaAsync(cancellationToken).GetAwaiter().GetResult();
                    casesChanged = delta?.Added.Log.CaseCount ?? 0;
                    split[0] = phase.Elapsed.TotalSeconds;
                    phase.Restart();
                    live.RefreshAsync(null, 3, cancellationToken).GetAwaiter().GetResult();
                    split[1] = phase.Elapsed.TotalSeconds;
                    phase.Restart();
                    var view = live.RefreshAsync(conformance, 3, cancellationToken).GetAwaiter().GetResult();
                    split[2] = phase.Elapsed.TotalSeconds;
                    return new AppendComparison.Partitioned(view.Snapshot, view.Conformance!, view.ChangedPartitions.Count);
                });
                var read = store.ReadSeconds;
                phases.Add((long)(round + 1), Seconds(read), Seconds(split[0] - read), Seconds(split[1]), Seconds(split[2]),
                    casesChanged);
                var baseline = Measure.Run(() =>
                {
                    var log = workspace.LoadEventLog(cancellationToken);
                    return new AppendComparison.Baseline(log, DiscoveryResult.Discover(log, cancellationToken: cancellationToken),
                        Alignments.Compute(log, net, cancellationToken: cancellationToken));
                });
                differences.AddRange(AppendComparison.Compare(ours.Result, baseline.Result).Select(d => $"round {round + 1}: {d}"));
                ratios.Add(baseline.Seconds / ours.Seconds);
                partitionedSeconds.Add(ours.Seconds);
                table.Add((long)(round + 1), (long)baseline.Result.Log.EventCount, Seconds(append.Elapsed.TotalSeconds), Seconds(ours.Seconds),
                    Seconds(append.Elapsed.TotalSeconds + ours.Seconds), Human.Duration(baseline.Seconds),
                    baseline.Seconds / ours.Seconds, string.Create(CultureInfo.InvariantCulture, $"{ours.Result.ChangedPartitions}/{partitionCount}"),
                    (long)ours.Result.Conformance.NewlyAligned);
            }

            var filterAfter = workspace.EventIdFilterLoads;
            var report = new Report().Add(table);
            if (verbose)
            {
                report.Add(phases);
            }

            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Speed-up = full reload + recompute seconds / partitioned seconds (median {Median(ratios):0.0}x); partitioned median " +
                $"{Median(partitionedSeconds):0.000} s for a batch of {size:N0} events (target < 1 s). Both sides read the same store after the same append."));
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Partitioned = read the events appended since the held sequence number ({live.Log.AppendReads} of {live.Log.ChangeReads} refreshes; " +
                $"the others read the changed cases whole) + join them to the held cases and rebuild touched segments + map the touched cases' old and new " +
                $"content and apply the delta to the running totals + finish (medians selected in sorted runs) + per-variant alignment " +
                $"cache ({live.Deltas} deltas applied, {live.Rebuilds} full builds); full = LoadEventLog + discovery (DFG, performance DFG, variants, case durations) + alignments of every " +
                $"variant. Not timed: storing the base ({stored.Elapsed.TotalSeconds:0.0} s), the partitioned side's first full read and " +
                $"analysis ({warm.Elapsed.TotalSeconds:0.0} s), mining the model."));
            report.Notes.Add(preload
                ? string.Create(CultureInfo.InvariantCulture,
                    $"The store was reopened after storing the base (as a server restarts) and its dedup filters loaded in the background: " +
                    $"{filterLoad.Elapsed.TotalSeconds:0.00} s, {(loadedBeforeWarm ? "done before" : "still running at")} the end of the warm-up. " +
                    $"Appends that loaded the event-id filter themselves: {filterAfter.OnDemand - filterBefore.OnDemand}; that waited for it: {filterAfter.Waited - filterBefore.Waited}.")
                : string.Create(CultureInfo.InvariantCulture,
                    $"--no-preload: the store was reopened after storing the base and the first append loaded the event-id filter itself " +
                    $"({filterAfter.OnDemand - filterBefore.OnDemand} load(s) on demand in the rounds), as the CLI does."));
            report.Notes.Add($"Load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {LoadAverage()}.");
            report.Notes.Add(differences.Count == 0
                ? "Results equal: every edge's count and mean/median seconds, every activity's events and cases, every variant's rank, " +
                  "cases and activities, the case duration mean/median/p90, and the log fitness, trace fitness and % fitting traces."
                : "RESULTS DIFFER: " + string.Join("; ", differences));
            report.Write(context.GetFormat(parse), context.Output);
            return differences.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The machine's load averages (Linux), which the absolute times depend on; "unknown" elsewhere.</summary>
    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(", ", fields.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000}");

    private readonly record struct Settings(int Size, int Rounds, int PartitionCount, bool Preload, bool Verbose);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
