using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Partitions;
using Journeyscope.Performance;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench partials</c>: after an append, the funnel of <c>bench funnel</c> refreshed from per-partition
/// partials (only the touched partitions mapped and merged again) versus recomputed over the whole log, results checked equal;
/// the same for throughput per day and for the journey conformance check (deviations) against the log's drafted journey.
/// </summary>
internal static class BenchPartialsCommand
{
    public static Command Create(CliContext context)
    {
        var events = GeneratedLog.EventsOption();
        events.DefaultValueFactory = _ => 1_000_000;
        var batch = new Option<int>("--batch")
        {
            Description = "Events in the appended batch (whole cases). Example: --batch 1000",
            DefaultValueFactory = _ => 1000,
        };
        var runs = Measure.RunsOption();
        var command = new Command("partials",
            "After an append to the generated log (64 partitions), the 5-step funnel of 'bench funnel' refreshed from per-partition " +
            "partials (map the new cases, merge the touched partitions, finish) versus the whole-log funnel, in one run, results compared. " +
            "Two batches: cases of one partition, and cases spread over all partitions. The same for throughput per day and for the\n" +
            "journey conformance check (deviations) against the Inductive Miner's draft journey of the log.\n" +
            "Example: journeyscope bench partials --events 1000000 --batch 1000")
        {
            events, batch, runs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var n = Measure.Runs(parse.GetValue(runs));
            var batchEvents = parse.GetValue(batch);
            if (batchEvents < 1)
            {
                throw new UsageException("--batch must be at least 1.");
            }

            var code = GeneratedLog.Run(parse.GetValue(events), cancellationToken, generated =>
            {
                var log = generated.Log;
                var definition = BenchFunnelCommand.Definition();
                var whole = Measure.Best(n, () => FunnelAnalysis.Compute(log, definition, cancellationToken));
                var partitions = CasePartitioner.DefaultPartitionCount;
                var scenarios = new[]
                {
                    PartialsComparison.Append("one partition", log, Batch(log, batchEvents, c => CasePartitioner.PartitionOf(log.CaseIds[c], partitions) == 0), partitions),
                    PartialsComparison.Append("all partitions", log, Batch(log, batchEvents, _ => true), partitions),
                };
                var table = new Table("Partials benchmark (funnel after an append)", "Path", "Seconds", "Speed-up", "Batch events", "Changed partitions",
                    "Segments mapped", "Events", "Cases");
                var differences = new List<string>();
                foreach (var scenario in scenarios)
                {
                    var ours = PartialsComparison.Refresh(scenario, definition, n);
                    table.Add($"Partials: map batch + merge ({scenario.Name})", Human.Duration(ours.Seconds), whole.Seconds / ours.Seconds, scenario.BatchEvents,
                        scenario.Changed, ours.SegmentMaps, generated.Events, generated.Cases);
                    differences.AddRange(PartialsComparison.Compare(ours.Result, whole.Result, log.TimeBasis).Select(d => $"{scenario.Name}: {d}"));
                }

                table.Add("Whole log: FunnelAnalysis.Compute", Human.Duration(whole.Seconds), 1.0, "", "", "", generated.Events, generated.Cases);
                var wholeThroughput = Measure.Best(n, () => Throughput.Analyze(log, Granularity.Day, cancellationToken));
                var throughput = new Table("Partials benchmark (throughput per day after an append)", "Path", "Seconds", "Speed-up", "Batch events",
                    "Changed partitions", "Events", "Cases");
                foreach (var scenario in scenarios)
                {
                    var ours = PartialsComparison.RefreshThroughput(scenario, n);
                    throughput.Add($"Partials: map batch + merge ({scenario.Name})", Human.Duration(ours.Seconds), wholeThroughput.Seconds / ours.Seconds,
                        scenario.BatchEvents, scenario.Changed, generated.Events, generated.Cases);
                    if (JsonSerializer.Serialize(ours.Result) != JsonSerializer.Serialize(wholeThroughput.Result))
                    {
                        differences.Add($"{scenario.Name}: the throughput differs");
                    }
                }

                throughput.Add("Whole log: Throughput.Analyze", Human.Duration(wholeThroughput.Seconds), 1.0, "", "", generated.Events, generated.Cases);
                var journey = PartialsComparison.DeviationJourney(log, cancellationToken);
                var checkOptions = JourneyConformanceResult.Options(0);
                var wholeCheck = Measure.Best(n, () => PartialsComparison.WholeDeviations(log, journey, checkOptions, cancellationToken));
                var deviations = new Table("Partials benchmark (journey conformance and deviations after an append)", "Path", "Seconds", "Speed-up",
                    "Batch events", "Changed partitions", "Segments mapped", "Sequences aligned", "Events", "Cases");
                foreach (var scenario in scenarios)
                {
                    var ours = PartialsComparison.RefreshDeviations(scenario, journey, checkOptions, n);
                    deviations.Add($"Partials: map batch + merge ({scenario.Name})", Human.Duration(ours.Seconds), wholeCheck.Seconds / ours.Seconds,
                        scenario.BatchEvents, scenario.Changed, ours.SegmentMaps, ours.Aligned, generated.Events, generated.Cases);
                    if (!PartialsComparison.SameDeviations(ours.Result, wholeCheck.Result))
                    {
                        differences.Add($"{scenario.Name}: the journey conformance check differs");
                    }
                }

                deviations.Add("Whole log: JourneyConformance.Check", Human.Duration(wholeCheck.Seconds), 1.0, "", "", "", "", generated.Events, generated.Cases);
                var report = new Report().Add(table).Add(throughput).Add(deviations);

                report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Speed-up = whole-log seconds / partial seconds; best of {n} runs each. The partial side starts from a cache warm on the log before the batch (not timed)."));
                report.Notes.Add(differences.Count == 0
                    ? "Results equal: the funnel report (steps, breakdown by channel, times), the drop-off cases of every step, the throughput per day, " +
                      "and the journey conformance result (every pattern, segment, channel figure and time target, as JSON byte for byte)."
                    : "RESULTS DIFFER: " + string.Join("; ", differences.Take(5)));
                report.Write(context.GetFormat(parse), context.Output);
                return differences.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
            });
            return Task.FromResult(code);
        });
        return command;
    }

    /// <summary>Whole cases that pass <paramref name="take"/>, every 7th such case from the end, until about <paramref name="events"/> events; ascending.</summary>
    private static int[] Batch(EventLog log, int events, Func<int, bool> take)
    {
        var cases = new List<int>();
        var total = 0;
        for (var c = log.CaseCount - 1; c >= 0 && total < events; c -= 7)
        {
            if (take(c))
            {
                cases.Add(c);
                total += log.CaseLength(c);
            }
        }

        cases.Reverse();
        return [.. cases];
    }
}
