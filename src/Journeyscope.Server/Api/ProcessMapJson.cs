using Journeyscope.Discovery;
using Journeyscope.Performance;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>
/// Builds the process map JSON: <see cref="ProcessMap"/> plus per-node wait and processing times, from statistics cached
/// per log and set of kept activities, so that moving the path slider (or the activity slider within one set of kept
/// activities) never passes over the events again.
/// </summary>
internal static class ProcessMapJson
{
    /// <summary>The analysis key of the statistics with every activity kept (the activity slider ranks from them).</summary>
    public const string AllActivities = "map-statistics:all";

    /// <summary>The map of the cached log with the sliders at <paramref name="activityShare"/> and <paramref name="pathShare"/>.</summary>
    public static async Task<ProcessMapResponse> BuildAsync(
        CachedLog cached, AnalysisCache analyses, double activityShare, double pathShare, CancellationToken cancellationToken)
    {
        var log = cached.Log;
        var full = await analyses.GetOrAddAsync(cached.Key, AllActivities,
            () => ProcessMapStatistics.Discover(log, cancellationToken: CancellationToken.None), cancellationToken).ConfigureAwait(false);
        var kept = full.SelectActivities(activityShare);
        var hidden = HiddenKey(kept);
        var statistics = hidden.Length == 0
            ? full
            : await analyses.GetOrAddAsync(cached.Key, "map-statistics:hide:" + hidden,
                () => ProcessMapStatistics.Discover(log, kept, cancellationToken: CancellationToken.None), cancellationToken).ConfigureAwait(false);
        var processing = await analyses.GetOrAddAsync(cached.Key, "map-processing:hide:" + hidden,
            () => ProcessingTimes(statistics), cancellationToken).ConfigureAwait(false);
        var map = ProcessMap.Build(statistics, pathShare);
        return Response(map, cached.Version, processing.ByActivity, activityShare, pathShare);
    }

    private static ProcessMapResponse Response(
        ProcessMap map, long version, Dictionary<string, ActivityPerformance>? processing, double activityShare, double pathShare)
    {
        var statistics = map.Statistics;
        var names = map.ActivityNames;
        var graph = statistics.DirectlyFollowsGraph;
        var waits = statistics.Waits;
        var nodes = new List<ProcessMapNode>(map.Activities.Count);
        foreach (var a in map.Activities)
        {
            var w = waits[a.Activity];
            ActivityPerformance? p = null;
            processing?.TryGetValue(a.Name, out p);
            nodes.Add(new ProcessMapNode(
                a.Name, a.Events, a.Cases, a.StartCount, a.EndCount, graph.ActivityStatistics[a.Activity].ReworkCases,
                w.MeanSeconds,
                w.Count == 0 ? null : w.MedianSeconds,
                w.TotalSeconds,
                p?.MeanProcessingTime.TotalSeconds,
                p?.TotalProcessingTime.TotalSeconds));
        }

        var edges = new List<ProcessMapLink>(map.Edges.Count);
        foreach (var e in map.Edges)
        {
            var (from, to, q) = (names[e.From], names[e.To], e.Performance);
            edges.Add(new ProcessMapLink(from + "→" + to, from, to, e.Count, e.CaseCount, q.Mean, q.Median, q.Min, q.Max, q.Sum, q.P90));
        }

        return new ProcessMapResponse(
            LogQuery.Name(statistics.Log.TimeBasis),
            version,
            map.CaseCount,
            statistics.KeptEventCount,
            nodes,
            edges,
            map.StartEdges.Select(s => new ProcessMapTerminal(names[s.Activity], s.Count)).ToList(),
            map.EndEdges.Select(s => new ProcessMapTerminal(names[s.Activity], s.Count)).ToList(),
            new ProcessMapSliders(activityShare, pathShare, map.ActivityCoverage, map.PathCoverage, map.HiddenActivityCount, map.HiddenEdgeCount,
                map.HiddenTerminalEdgeCount));
    }

    /// <summary>The codes of the hidden activities, comma-separated; empty when every activity is kept.</summary>
    private static string HiddenKey(bool[] kept)
    {
        var builder = new System.Text.StringBuilder();
        for (var a = 0; a < kept.Length; a++)
        {
            if (!kept[a])
            {
                builder.Append(builder.Length == 0 ? string.Empty : ",").Append(a.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Processing times per activity of the projected log; only with start times or start/complete pairs (the projected
    /// log is materialised only then).
    /// </summary>
    private static Processing ProcessingTimes(ProcessMapStatistics statistics)
    {
        if (ValueStream.Detect(statistics.Log) == ProcessingTimeSource.None)
        {
            return new Processing(null);
        }

        var projected = statistics.ProjectedLog;
        if (!ReferenceEquals(projected, statistics.Log) && ValueStream.Detect(projected) == ProcessingTimeSource.None)
        {
            return new Processing(null);
        }

        return new Processing(ValueStream.Analyze(projected, ValueStreamOptions.Default, CancellationToken.None).Activities
            .ToDictionary(a => a.Activity, StringComparer.Ordinal));
    }

    /// <summary>Processing times by activity name, or null when the log has none (a class, so that it can be cached).</summary>
    private sealed record Processing(Dictionary<string, ActivityPerformance>? ByActivity);
}
