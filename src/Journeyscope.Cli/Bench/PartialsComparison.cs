using System.Text.Json;
using System.Text.Json.Serialization;
using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Partitions;
using Journeyscope.Performance;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// The two sides of <c>journeyscope bench partials</c>: a funnel refreshed from per-partition partials after an append
/// (map the new segment, merge the touched partition, merge the partitions, finish) versus the funnel over the whole log;
/// and the same for throughput per day, for the whole performance record (value stream, case durations, process order)
/// for the journey's declared KPIs and for the journey conformance check (deviations).
/// </summary>
internal static class PartialsComparison
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>One append scenario: the log before (partitioned, cache warm) and after the batch of cases.</summary>
    /// <param name="Name">What the batch is.</param>
    /// <param name="Before">The partitioned log without the batch's cases.</param>
    /// <param name="After">The partitioned log with them (only their partitions changed).</param>
    /// <param name="Changed">Partitions the batch touched.</param>
    /// <param name="BatchEvents">Events of the batch.</param>
    public sealed record Scenario(string Name, PartitionedEventLog Before, PartitionedEventLog After, int Changed, long BatchEvents);

    /// <summary>
    /// The log without <paramref name="batch"/> (case indices, ascending) split into <paramref name="partitions"/>, then with
    /// the batch appended as one segment; case keys are the case indices of <paramref name="log"/>, so the order is the whole log's.
    /// </summary>
    public static Scenario Append(string name, EventLog log, int[] batch, int partitions)
    {
        var inBatch = new bool[log.CaseCount];
        foreach (var c in batch)
        {
            inBatch[c] = true;
        }

        var rest = new List<int>(log.CaseCount - batch.Length);
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (!inBatch[c])
            {
                rest.Add(c);
            }
        }

        var restCases = rest.ToArray();
        var before = PartitionedEventLog.Create(log.SelectCases(restCases), Keys(restCases), partitions, 1);
        var added = new EventLogSegment(log.SelectCases(batch), Keys(batch));
        var after = before.Update(new HashSet<string>(StringComparer.Ordinal), added, 2, out var changed);
        return new Scenario(name, before, after, changed.Count, added.Log.EventCount);
    }

    /// <summary>
    /// The best of <paramref name="runs"/> refreshes: each run starts from a cache warm on the log before the batch (not
    /// timed), then times the merge of the log after it and the finish.
    /// </summary>
    public static (double Seconds, FunnelResult Result, long SegmentMaps) Refresh(Scenario scenario, FunnelDefinition definition, int runs)
    {
        var (seconds, result, maps, _) = Best(
            runs, () => FunnelPartial.Cache(definition), c => c.Merge(scenario.Before), c => c.Merge(scenario.After).Finish(), c => (c.SegmentMaps, 0));
        return (seconds, result, maps);
    }

    /// <summary>
    /// The best of <paramref name="runs"/> throughput refreshes (per day), each from an analysis warm on the log before
    /// the batch (not timed): partials per day, so the merge and finish are O(days), not O(cases).
    /// </summary>
    public static (double Seconds, ThroughputResult Result) RefreshThroughput(Scenario scenario, int runs)
    {
        var (seconds, result, _, _) = Best(
            runs, () => new PartitionedAnalysis(), a => a.Throughput(scenario.Before), a => a.Throughput(scenario.After), _ => (0, 0));
        return (seconds, result);
    }

    /// <summary>
    /// The best of <paramref name="runs"/> performance refreshes (the whole <see cref="PerformanceResult"/>, weekly
    /// throughput), each from a cache warm on the log before the batch (not timed): the timed side decides the source from
    /// the cached evidence, maps the new segment, merges the touched partition and all partitions, and finishes.
    /// </summary>
    public static (double Seconds, PerformanceResult Result, long SegmentMaps) RefreshPerformance(Scenario scenario, int runs)
    {
        var (seconds, result, maps, _) = Best(
            runs, () => PerformancePartial.Cache(), c => c.Merge(scenario.Before), c => c.Merge(scenario.After).Finish(1, Granularity.Week), c => (c.SegmentMaps, 0));
        return (seconds, result, maps);
    }

    /// <summary>
    /// The best of <paramref name="runs"/> refreshes of the KPIs of <paramref name="journey"/> (monthly trend), each from a
    /// cache warm on the log before the batch (not timed): map the batch, merge, finish.
    /// </summary>
    public static (double Seconds, JourneyKpis Result, long SegmentMaps) RefreshKpis(Scenario scenario, DesignedJourney journey, int runs)
    {
        var (seconds, result, maps, _) = Best(
            runs, () => JourneyKpiPartial.Cache(journey), c => c.Merge(scenario.Before),
            c => c.Merge(scenario.After).Finish(scenario.After.Version, KpiPeriod.Month), c => (c.SegmentMaps, 0));
        return (seconds, result, maps);
    }

    /// <summary>
    /// A journey declaring KPIs of every family over the generated log: conversion, cycle and resolution times, first-contact
    /// resolution, backlog, retention and churn (against the log's last event), digital engagement and two custom expressions.
    /// </summary>
    public static DesignedJourney KpiJourney() => new("bench", "Bench", null, null, [], DesignedJourney.DefaultStages, [], null,
    [
        Kpi("conversion", "conversion-rate", ">= 30%", null, ("from", "Visit site"), ("to", "Order confirmed"), ("within", "7d")),
        Kpi("cycle", "order-cycle-time", "<= 5d", null, ("from", "Start checkout"), ("to", "Delivered")),
        Kpi("fcr", "first-contact-resolution", ">= 70%", null, ("contact", "Open ticket"), ("resolved", "Resolve ticket")),
        Kpi("resolution", "resolution-time", "<= 2d", null, ("from", "Open ticket"), ("resolved", "Resolve ticket")),
        Kpi("backlog", "backlog", null, null, ("activity", "Open ticket"), ("resolved", "Resolve ticket")),
        Kpi("retention", "retention-rate", ">= 20%", null, ("activity", "Order confirmed"), ("within", "30d")),
        Kpi("churn", "churn-rate", "<= 30%", null, ("cancel", "Return requested"), ("inactivity", "60d")),
        Kpi("digital", "digital-engagement", ">= 50%", null),
        Kpi("failed-deliveries", KpiCatalogue.Custom, "<= 5%", "count(cases where has(\"Delivery failed\")) / count(cases where has(Ship))"),
        Kpi("p90-days", KpiCatalogue.Custom, null, "percentile(duration, 90) / 1d"),
    ], [], []);

    /// <summary>
    /// The journey the deviation benchmark checks: the Inductive Miner's draft of <paramref name="log"/> (noise 0.2: touchpoints
    /// with their most frequent channel, stages by position, the discovered flow), with two personas (a ranking of variants,
    /// a duration filter) and two time targets (first to last stage within 3 days, the first stage's first to last event
    /// within 1 day in working hours), so that every part of the check has work.
    /// </summary>
    public static DesignedJourney DeviationJourney(EventLog log, CancellationToken cancellationToken)
    {
        var draft = JourneyDraft.FromLog(log, 0.2, "bench", cancellationToken);
        var first = draft.Stages[0].Id;
        var last = draft.Stages[^1].Id;
        return draft with
        {
            Personas = [new Persona("usual", "Usual paths", null, "variants top 5"), new Persona("quick", "Quick", null, "duration ..2d")],
            TimeTargets =
            [
                new TimeTarget("end-to-end", "End to end", first, last, TimeSpan.FromDays(3)),
                new TimeTarget("first-stage", "First stage", first, first, TimeSpan.FromDays(1), BusinessHours: true),
            ],
        };
    }

    /// <summary>The whole-log check: <see cref="JourneyConformance.Check"/> and its result record, as the CLI and the API return it.</summary>
    public static JourneyConformanceResult WholeDeviations(EventLog log, DesignedJourney journey, JourneyConformanceOptions options, CancellationToken cancellationToken) =>
        JourneyConformanceResult.From(JourneyConformance.Check(log, journey, options, cancellationToken), 0);

    /// <summary>
    /// The best of <paramref name="runs"/> refreshes of the journey conformance check, each from new parameters (an empty
    /// per-sequence alignment cache) and a cache warm on the log before the batch (not timed): map the batch's segment
    /// (aligning only its new sequences), merge the touched partitions and all partitions, finish.
    /// </summary>
    public static (double Seconds, JourneyConformanceResult Result, long SegmentMaps, long Aligned) RefreshDeviations(
        Scenario scenario, DesignedJourney journey, JourneyConformanceOptions options, int runs)
    {
        return Best(
            runs,
            () =>
            {
                var parameters = new DeviationParameters(journey, options);
                return (Parameters: parameters, Cache: DeviationPartial.Cache(parameters));
            },
            d => d.Cache.Merge(scenario.Before),
            d => d.Cache.Merge(scenario.After).Finish(0),
            d => (d.Cache.SegmentMaps, d.Parameters.AlignedVariants));
    }

    /// <summary>
    /// The best of <paramref name="runs"/> timed refreshes, every side of the benchmark timed the same way: each run makes a
    /// new cache, warms it on the log before the batch (not timed), collects garbage, then times the refresh after the batch;
    /// the counters (segments mapped, sequences aligned) are what the timed refresh added.
    /// </summary>
    private static (double Seconds, TResult Result, long Maps, long Aligned) Best<TCache, TResult>(
        int runs, Func<TCache> make, Action<TCache> warm, Func<TCache, TResult> refresh, Func<TCache, (long Maps, long Aligned)> counters)
    {
        var best = double.MaxValue;
        TResult? result = default;
        (long Maps, long Aligned) added = default;
        for (var run = 0; run < runs; run++)
        {
            var cache = make();
            warm(cache);
            var before = counters(cache);
            GC.Collect();
            var watch = Stopwatch.StartNew();
            result = refresh(cache);
            watch.Stop();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            var after = counters(cache);
            added = (after.Maps - before.Maps, after.Aligned - before.Aligned);
        }

        return (best, result!, added.Maps, added.Aligned);
    }

    /// <summary>Whether two checks serialise to the same JSON, byte for byte.</summary>
    public static bool SameDeviations(JourneyConformanceResult ours, JourneyConformanceResult whole) =>
        JsonSerializer.Serialize(ours, Exact) == JsonSerializer.Serialize(whole, Exact);

    /// <summary>The differences between the two funnels: the report, and the drop-off cases of every step (empty when equal).</summary>
    public static List<string> Compare(FunnelResult ours, FunnelResult whole, TimeBasis basis)
    {
        var differences = new List<string>();
        if (JsonSerializer.Serialize(FunnelReport.From(ours, basis, 1)) != JsonSerializer.Serialize(FunnelReport.From(whole, basis, 1)))
        {
            differences.Add("the funnel reports differ");
        }

        for (var step = 0; step < whole.Steps.Count; step++)
        {
            if (!ours.DropOffCaseIds(step).SequenceEqual(whole.DropOffCaseIds(step), StringComparer.Ordinal))
            {
                differences.Add($"the drop-off cases after step {step + 1} differ");
            }
        }

        return differences;
    }

    private static long[] Keys(int[] cases)
    {
        var keys = new long[cases.Length];
        for (var i = 0; i < cases.Length; i++)
        {
            keys[i] = cases[i];
        }

        return keys;
    }

    private static JourneyKpi Kpi(string id, string kind, string? target, string? expression, params (string Key, string Value)[] parameters) =>
        new(id, id, kind, target, [], [], parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), expression, []);
}
