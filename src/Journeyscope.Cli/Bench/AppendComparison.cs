using System.Globalization;
using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Partitions;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// The two sides of <c>journeyscope bench append</c> after a batch: the refreshed process map, KPIs and conformance from the
/// partitioned log grown in place, and the same figures from today's path (reload the whole log, recompute everything).
/// </summary>
internal static class AppendComparison
{
    /// <summary>Today's path: the whole log loaded again, then discovery and alignments over all of it.</summary>
    public sealed record Baseline(EventLog Log, DiscoveryResult Discovery, AlignmentResult Alignments);

    /// <summary>The partitioned path: the merged snapshot and the per-variant-cached conformance.</summary>
    public sealed record Partitioned(JourneySnapshot Snapshot, SnapshotConformance Conformance, int ChangedPartitions);

    /// <summary>Every difference between the two sides' process map, KPIs, variants and conformance (empty when equal).</summary>
    public static List<string> Compare(Partitioned ours, Baseline baseline)
    {
        var differences = new List<string>();
        var snapshot = ours.Snapshot;
        var log = baseline.Log;
        var graph = baseline.Discovery.DirectlyFollowsGraph;
        Check(differences, "cases", snapshot.Kpis.Cases, (long)log.CaseCount);
        Check(differences, "events", snapshot.Kpis.Events, (long)log.EventCount);
        Check(differences, "edges", snapshot.Edges.Count, graph.Edges.Count);
        foreach (var edge in snapshot.Edges)
        {
            Check(differences, $"edge {edge.From} -> {edge.To}", edge.Count, graph.FindEdge(edge.From, edge.To)?.Count ?? -1);
        }

        foreach (var performance in baseline.Discovery.PerformanceDfg.Edges)
        {
            var from = log.ActivityNames[performance.From];
            var to = log.ActivityNames[performance.To];
            var edge = snapshot.Edges.FirstOrDefault(e => e.From == from && e.To == to);
            Check(differences, $"edge {from} -> {to} mean/median seconds", (edge?.MeanSeconds, edge?.MedianSeconds), (performance.Mean, performance.Median));
        }

        foreach (var activity in graph.ActivityStatistics)
        {
            var ourActivity = snapshot.Activities.FirstOrDefault(a => a.Name == activity.Name);
            Check(differences, $"activity {activity.Name}", (ourActivity?.Events, ourActivity?.Cases), (activity.Events, activity.Cases));
        }

        var variants = baseline.Discovery.Variants.Variants;
        Check(differences, "variants", snapshot.Variants.Count, variants.Count);
        for (var v = 0; v < Math.Min(variants.Count, snapshot.Variants.Count); v++)
        {
            Check(differences, $"variant {v + 1}", (snapshot.Variants[v].CaseCount, string.Join(">", snapshot.Variants[v].Activities)),
                (variants[v].CaseCount, string.Join(">", variants[v].Activities)));
        }

        var durations = baseline.Discovery.CaseDurations;
        Check(differences, "case duration mean/median/p90", (snapshot.CaseDurations.MeanSeconds, snapshot.CaseDurations.MedianSeconds, snapshot.CaseDurations.P90Seconds),
            (durations.Mean, durations.Median, durations.P90));
        var alignments = baseline.Alignments;
        Check(differences, "conformance (log fitness, trace fitness, % fitting)",
            (ours.Conformance.LogFitness, ours.Conformance.AverageTraceFitness, ours.Conformance.PercentageOfFittingTraces),
            (alignments.LogFitness, alignments.AverageTraceFitness, alignments.PercentageOfFittingTraces));
        return differences;
    }

    private static void Check<T>(List<string> differences, string what, T ours, T baseline)
    {
        if (!EqualityComparer<T>.Default.Equals(ours, baseline) && differences.Count < 20)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: ours {ours}, baseline {baseline}"));
        }
    }
}
