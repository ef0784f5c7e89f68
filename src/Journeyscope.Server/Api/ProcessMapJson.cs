using System.Buffers;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Performance;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>Builds the process map JSON: <see cref="ProcessMap"/> plus per-node wait and processing times.</summary>
internal static class ProcessMapJson
{
    /// <summary>The map of the cached log, from <paramref name="analyses"/> when the same map was asked for before.</summary>
    public static Task<ProcessMapResponse> BuildAsync(
        CachedLog cached, AnalysisCache analyses, double activityShare, double pathShare, CancellationToken cancellationToken) =>
        analyses.GetOrAddAsync(
            cached.Key,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"process-map:{activityShare:R}:{pathShare:R}"),
            () => Build(cached.Log, cached.Version, activityShare, pathShare, CancellationToken.None),
            cancellationToken);

    public static ProcessMapResponse Build(EventLog log, long version, double activityShare, double pathShare, CancellationToken cancellationToken)
    {
        var map = ProcessMap.Build(log, new ProcessMapOptions { ActivityCoverage = activityShare, PathCoverage = pathShare }, cancellationToken);
        var projected = map.Log;
        var names = map.ActivityNames;
        var graph = map.Discovery.DirectlyFollowsGraph;
        var waits = NodeWaits.Compute(projected, cancellationToken);

        // Processing time exists only with start times or start/complete pairs; skip the pass otherwise.
        Dictionary<string, ActivityPerformance>? processing = null;
        if (ValueStream.Detect(projected) != ProcessingTimeSource.None)
        {
            processing = ValueStream.Analyze(projected, ValueStreamOptions.Default, cancellationToken).Activities
                .ToDictionary(a => a.Activity, StringComparer.Ordinal);
        }

        var nodes = new List<ProcessMapNode>(map.Activities.Count);
        foreach (var a in map.Activities)
        {
            var w = waits[a.Activity];
            ActivityPerformance? p = null;
            processing?.TryGetValue(a.Name, out p);
            nodes.Add(new ProcessMapNode(
                a.Name, a.Events, a.Cases, a.StartCount, a.EndCount, graph.ActivityStatistics[a.Activity].ReworkCases,
                w.Count == 0 ? null : w.TotalSeconds / w.Count,
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
            LogQuery.Name(projected.TimeBasis),
            version,
            map.CaseCount,
            projected.EventCount,
            nodes,
            edges,
            map.StartEdges.Select(s => new ProcessMapTerminal(names[s.Activity], s.Count)).ToList(),
            map.EndEdges.Select(s => new ProcessMapTerminal(names[s.Activity], s.Count)).ToList(),
            new ProcessMapSliders(activityShare, pathShare, map.ActivityCoverage, map.PathCoverage, map.HiddenActivityCount, map.HiddenEdgeCount,
                map.HiddenTerminalEdgeCount));
    }

    /// <summary>Per activity: the waits before its events (time since the case's previous event), count, total, median.</summary>
    internal static class NodeWaits
    {
        public readonly record struct Wait(long Count, double TotalSeconds, double MedianSeconds);

        public static Wait[] Compute(EventLog log, CancellationToken cancellationToken)
        {
            var activities = log.Activities;
            var timestamps = log.Timestamps;
            var starts = log.CaseStarts;
            var counts = new int[log.ActivityCount + 1];
            for (var c = 0; c < log.CaseCount; c++)
            {
                for (var e = starts[c] + 1; e < starts[c + 1]; e++)
                {
                    counts[activities[e] + 1]++;
                }
            }

            // Bucket the waits by activity (counting sort), then sort each bucket for its median.
            for (var a = 1; a < counts.Length; a++)
            {
                counts[a] += counts[a - 1];
            }

            var total = counts[^1];
            var values = ArrayPool<long>.Shared.Rent(Math.Max(total, 1));
            try
            {
                var next = ArrayPool<int>.Shared.Rent(log.ActivityCount + 1);
                try
                {
                    counts.AsSpan().CopyTo(next);
                    for (var c = 0; c < log.CaseCount; c++)
                    {
                        if ((c & 0xFFFF) == 0)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                        }

                        for (var e = starts[c] + 1; e < starts[c + 1]; e++)
                        {
                            values[next[activities[e]]++] = timestamps[e] - timestamps[e - 1];
                        }
                    }
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(next);
                }

                var result = new Wait[log.ActivityCount];
                for (var a = 0; a < result.Length; a++)
                {
                    var bucket = values.AsSpan(counts[a], counts[a + 1] - counts[a]);
                    if (bucket.IsEmpty)
                    {
                        continue;
                    }

                    long sum = 0;
                    foreach (var v in bucket)
                    {
                        sum += v;
                    }

                    bucket.Sort();
                    var mid = bucket.Length / 2;
                    var median = bucket.Length % 2 == 1 ? bucket[mid] : (bucket[mid - 1] + (double)bucket[mid]) / 2;
                    result[a] = new Wait(bucket.Length, sum / (double)TimeSpan.TicksPerSecond, median / TimeSpan.TicksPerSecond);
                }

                return result;
            }
            finally
            {
                ArrayPool<long>.Shared.Return(values);
            }
        }
    }
}
