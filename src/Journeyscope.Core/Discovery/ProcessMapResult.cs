using Journeyscope.EventLogs;
using Journeyscope.Performance;

namespace Journeyscope.Discovery;

/// <summary>
/// The process map: the one result of <c>journeyscope discover --format json</c>, <c>GET …/process-map</c> and the process
/// map page (which draws it). Nodes by event count descending; edges, start and end edges by count descending.
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Number of cases on the map.</param>
/// <param name="Events">Number of events on the map (hidden activities' events excluded).</param>
/// <param name="Nodes">The kept activities.</param>
/// <param name="Edges">The kept directly-follows edges.</param>
/// <param name="Starts">Edges from the start node.</param>
/// <param name="Ends">Edges to the end node.</param>
/// <param name="Sliders">Slider settings and what they hid.</param>
public sealed record ProcessMapResult(
    TimeBasis TimeBasis,
    long Version,
    long Cases,
    long Events,
    IReadOnlyList<ProcessMapNodeSummary> Nodes,
    IReadOnlyList<ProcessMapLinkSummary> Edges,
    IReadOnlyList<ProcessMapTerminalCount> Starts,
    IReadOnlyList<ProcessMapTerminalCount> Ends,
    ProcessMapSliders Sliders)
{
    /// <summary>
    /// The result of <paramref name="map"/>, built with the sliders at <paramref name="activities"/> and
    /// <paramref name="paths"/>, with the processing times of <see cref="ProcessingTimes"/> (null when the log has none).
    /// </summary>
    public static ProcessMapResult From(
        ProcessMap map, long version, double activities, double paths, IReadOnlyDictionary<string, ActivityPerformance>? processing)
    {
        ArgumentNullException.ThrowIfNull(map);
        var statistics = map.Statistics;
        var names = map.ActivityNames;
        var graph = statistics.DirectlyFollowsGraph;
        var waits = statistics.Waits;
        var nodes = new List<ProcessMapNodeSummary>(map.Activities.Count);
        foreach (var a in map.Activities)
        {
            var w = waits[a.Activity];
            ActivityPerformance? p = null;
            processing?.TryGetValue(a.Name, out p);
            var s = graph.ActivityStatistics[a.Activity];
            nodes.Add(new ProcessMapNodeSummary(
                a.Name, a.Events, a.Cases, a.StartCount, a.EndCount, s.ReworkCases, s.SelfLoops,
                w.MeanSeconds,
                w.Count == 0 ? null : w.MedianSeconds,
                w.TotalSeconds,
                p?.MeanProcessingTime.TotalSeconds,
                p?.TotalProcessingTime.TotalSeconds));
        }

        var edges = new List<ProcessMapLinkSummary>(map.Edges.Count);
        foreach (var e in map.Edges)
        {
            var (from, to, q) = (names[e.From], names[e.To], e.Performance);
            edges.Add(new ProcessMapLinkSummary(
                from + "→" + to, from, to, e.Count, e.CaseCount, q.Mean, q.Median, q.Min, q.Max, q.Sum, q.StandardDeviation, q.P90));
        }

        return new ProcessMapResult(
            statistics.Log.TimeBasis,
            version,
            map.CaseCount,
            statistics.KeptEventCount,
            nodes,
            edges,
            map.StartEdges.Select(s => new ProcessMapTerminalCount(names[s.Activity], s.Count)).ToList(),
            map.EndEdges.Select(s => new ProcessMapTerminalCount(names[s.Activity], s.Count)).ToList(),
            new ProcessMapSliders(activities, paths, map.ActivityCoverage, map.PathCoverage, map.HiddenActivityCount, map.HiddenEdgeCount,
                map.HiddenTerminalEdgeCount));
    }

    /// <summary>
    /// Processing times per activity name of the statistics' projected log; null when the log has no start times or
    /// start/complete pairs (the projected log is materialised only when it has).
    /// </summary>
    public static IReadOnlyDictionary<string, ActivityPerformance>? ProcessingTimes(ProcessMapStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (ValueStream.Detect(statistics.Log) == ProcessingTimeSource.None)
        {
            return null;
        }

        var projected = statistics.ProjectedLog;
        if (!ReferenceEquals(projected, statistics.Log) && ValueStream.Detect(projected) == ProcessingTimeSource.None)
        {
            return null;
        }

        return ValueStream.Analyze(projected, ValueStreamOptions.Default, CancellationToken.None).Activities
            .ToDictionary(a => a.Activity, StringComparer.Ordinal);
    }
}
