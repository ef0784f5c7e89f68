using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Kpis;
using Journeyscope.Partitions;
using Journeyscope.Performance;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench partials</c>: after an append, the funnel of <c>bench funnel</c> refreshed from per-partition
/// partials (only the touched partitions mapped and merged again) versus recomputed over the whole log, results checked equal;
/// the same for throughput per day, the performance record, a journey's declared KPIs and the journey conformance check.
/// </summary>
internal static class BenchPartialsCommand
{
    public static Command Create(CliContext context)
    {
        var events = BenchOptions.GeneratedEvents(1_000_000);
        var batch = BenchOptions.Batch("Events in the appended batch (whole cases).", 1_000);
        var runs = BenchOptions.Runs();
        var command = new Command("partials",
            "After an append to the generated log (64 partitions), the 5-step funnel of 'bench funnel' refreshed from per-partition " +
            "partials (map the new cases, merge the touched partitions, finish) versus the whole-log funnel, in one run, results compared. " +
            "The same for throughput per day, for the whole performance record (value stream, case durations, process order) " +
            "for a journey's 10 declared KPIs (monthly trend) and for the journey conformance check (deviations) against the " +
            "Inductive Miner's draft journey of the log. " +
            "Two batches: cases of one partition, and cases spread over all partitions.\n" +
            "Example: journeyscope bench partials --events 1000000 --batch 1000")
        {
            events, batch, runs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var n = BenchOptions.Runs(parse, runs);
            var batchEvents = BenchOptions.InRange(parse, batch, 1);

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
                var performance = PerformanceTable(log, scenarios, n, generated, differences, cancellationToken);
                var kpis = KpiTable(generated, scenarios, n, differences, cancellationToken);
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
                var report = new Report().Add(table).Add(throughput).Add(performance).Add(kpis).Add(deviations);
                report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Speed-up = whole-log seconds / partial seconds; best of {n} runs each. The partial side starts from a cache warm on the log before the batch (not timed)."));
                report.Notes.Add(differences.Count == 0
                    ? "Results equal: the funnel report (steps, breakdown by channel, times), the drop-off cases of every step, the throughput per day, " +
                      "the performance record (JSON), the journey KPIs (values, sample sizes, monthly trend, notes; compared as JSON) " +
                      "and the journey conformance result (every pattern, segment, channel figure and time target, as JSON byte for byte)."
                    : "RESULTS DIFFER: " + string.Join("; ", differences.Take(5)));
                report.Write(context.GetFormat(parse), context.Output);
                return differences.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
            });
            return Task.FromResult(code);
        });
        return command;
    }

    /// <summary>The whole performance record refreshed from partials versus <see cref="PerformanceResult.Analyze"/>; differences appended.</summary>
    private static Table PerformanceTable(
        EventLog log, PartialsComparison.Scenario[] scenarios, int runs, GeneratedLog generated, List<string> differences, CancellationToken cancellationToken)
    {
        var whole = Measure.Best(runs, () => PerformanceResult.Analyze(log, 1, null, Granularity.Week, null, cancellationToken));
        var expected = JsonSerializer.Serialize(whole.Result);
        var table = new Table("Partials benchmark (performance record after an append)", "Path", "Seconds", "Speed-up", "Batch events",
            "Changed partitions", "Segments mapped", "Events", "Cases");
        foreach (var scenario in scenarios)
        {
            var ours = PartialsComparison.RefreshPerformance(scenario, runs);
            table.Add($"Partials: map batch + merge ({scenario.Name})", Human.Duration(ours.Seconds), whole.Seconds / ours.Seconds,
                scenario.BatchEvents, scenario.Changed, ours.SegmentMaps, generated.Events, generated.Cases);
            if (JsonSerializer.Serialize(ours.Result) != expected)
            {
                differences.Add($"{scenario.Name}: the performance record differs");
            }
        }

        table.Add("Whole log: PerformanceResult.Analyze", Human.Duration(whole.Seconds), 1.0, "", "", "", generated.Events, generated.Cases);
        return table;
    }

    /// <summary>The journey's declared KPIs (monthly trend) refreshed from partials after each batch versus <see cref="JourneyKpis.Compute"/> of the whole log.</summary>
    private static Table KpiTable(GeneratedLog generated, PartialsComparison.Scenario[] scenarios, int runs, List<string> differences, CancellationToken cancellationToken)
    {
        var log = generated.Log;
        var journey = PartialsComparison.KpiJourney();
        var whole = Measure.Best(runs, () => JourneyKpis.Compute(log, journey, 2, KpiPeriod.Month, null, cancellationToken));
        var table = new Table("Partials benchmark (journey KPIs after an append)", "Path", "Seconds", "Speed-up", "Batch events", "Changed partitions",
            "Segments mapped", "Events", "Cases");
        foreach (var scenario in scenarios)
        {
            var ours = PartialsComparison.RefreshKpis(scenario, journey, runs);
            table.Add($"Partials: map batch + merge + finish ({scenario.Name})", Human.Duration(ours.Seconds), whole.Seconds / ours.Seconds, scenario.BatchEvents,
                scenario.Changed, ours.SegmentMaps, generated.Events, generated.Cases);
            if (JsonSerializer.Serialize(ours.Result) != JsonSerializer.Serialize(whole.Result))
            {
                differences.Add($"{scenario.Name}: the journey KPIs differ");
            }
        }

        table.Add($"Whole log: JourneyKpis.Compute ({journey.Kpis.Count} KPIs)", Human.Duration(whole.Seconds), 1.0, "", "", "", generated.Events, generated.Cases);
        return table;
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
