using Journeyscope.Discovery;
using Journeyscope.Performance;
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

    /// <summary>
    /// The map of the cached log with the sliders at <paramref name="activityShare"/> and <paramref name="pathShare"/>; a
    /// null share is the readable default of <see cref="ProcessMapDefaults"/>.
    /// </summary>
    public static async Task<ProcessMapResult> BuildAsync(
        CachedLog cached, AnalysisCache analyses, double? activityShare, double? pathShare, CancellationToken cancellationToken)
    {
        var full = await AllAsync(cached, analyses, cancellationToken).ConfigureAwait(false);
        var activities = activityShare ?? ProcessMapDefaults.ActivityShare(full);
        var (statistics, hidden) = await KeptAsync(cached, analyses, full, activities, cancellationToken).ConfigureAwait(false);
        var paths = pathShare ?? ProcessMapDefaults.PathShare(statistics);
        var processing = await analyses.GetOrAddAsync(cached.Key, "map-processing:hide:" + hidden,
            () => ProcessingTimes(statistics), cancellationToken).ConfigureAwait(false);
        var map = ProcessMap.Build(statistics, paths);
        return ProcessMapResult.From(map, cached.Version, activities, paths, processing.ByActivity);
    }

    /// <summary>
    /// The map of the cached log at the sliders, for the cases of a node or an edge: the statistics (whose projected
    /// graph the edges come from) and the map drawn from them.
    /// </summary>
    public static async Task<ProcessMap> MapAsync(
        CachedLog cached, AnalysisCache analyses, double activityShare, double pathShare, CancellationToken cancellationToken)
    {
        var full = await AllAsync(cached, analyses, cancellationToken).ConfigureAwait(false);
        var (statistics, _) = await KeptAsync(cached, analyses, full, activityShare, cancellationToken).ConfigureAwait(false);
        return ProcessMap.Build(statistics, pathShare);
    }

    private static Task<ProcessMapStatistics> AllAsync(CachedLog cached, AnalysisCache analyses, CancellationToken cancellationToken)
    {
        var log = cached.Log;
        return analyses.GetOrAddAsync(cached.Key, AllActivities,
            () => ProcessMapStatistics.Discover(log, cancellationToken: CancellationToken.None), cancellationToken);
    }

    private static async Task<(ProcessMapStatistics Statistics, string Hidden)> KeptAsync(
        CachedLog cached, AnalysisCache analyses, ProcessMapStatistics full, double activityShare, CancellationToken cancellationToken)
    {
        var log = cached.Log;
        var kept = full.SelectActivities(activityShare);
        var hidden = HiddenKey(kept);
        var statistics = hidden.Length == 0
            ? full
            : await analyses.GetOrAddAsync(cached.Key, "map-statistics:hide:" + hidden,
                () => ProcessMapStatistics.Discover(log, kept, cancellationToken: CancellationToken.None), cancellationToken).ConfigureAwait(false);
        return (statistics, hidden);
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

    private static Processing ProcessingTimes(ProcessMapStatistics statistics) => new(ProcessMapResult.ProcessingTimes(statistics));

    /// <summary>Processing times by activity name, or null when the log has none (a class, so that it can be cached).</summary>
    private sealed record Processing(IReadOnlyDictionary<string, ActivityPerformance>? ByActivity);
}
