using Journeyscope.EventLogs;

namespace Journeyscope.Funnels;

/// <summary>
/// Paths from or to an anchor step as Sankey nodes and links: the one result of <c>journeyscope paths --format json</c>,
/// <c>GET …/paths</c> and the paths page.
/// </summary>
/// <param name="TimeBasis">The time basis of the log.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Anchor">The anchor step.</param>
/// <param name="Direction"><c>next</c> (the steps after the anchor) or <c>previous</c> (the steps before it).</param>
/// <param name="Target">The step where paths stop, or <c>null</c>.</param>
/// <param name="Depth">Steps shown from the anchor.</param>
/// <param name="Top">Activities per depth before the rest go to <c>other</c>.</param>
/// <param name="Cases">Cases containing the anchor (the anchor node's count).</param>
/// <param name="Nodes">The nodes by depth.</param>
/// <param name="Links">The links between consecutive depths.</param>
public sealed record PathsResult(
    TimeBasis TimeBasis,
    long Version,
    string Anchor,
    PathDirection Direction,
    string? Target,
    int Depth,
    int Top,
    long Cases,
    IReadOnlyList<PathNode> Nodes,
    IReadOnlyList<PathLink> Links)
{
    /// <summary>The paths of <paramref name="log"/> by <paramref name="options"/>.</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="options">Anchor, direction, target, depth and width.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    public static PathsResult Compute(EventLog log, long version, PathOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        return From(PathAnalysis.Compute(log, options, cancellationToken), log.TimeBasis, version);
    }

    /// <summary>The record of a path analysis already run.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="timeBasis">The time basis of the log analysed.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    public static PathsResult From(PathResult result, TimeBasis timeBasis, long version)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        return new PathsResult(timeBasis, version, o.Anchor.Label, o.Direction, o.Target?.Label, o.Depth, o.Top, result.Cases, result.Nodes, result.Links);
    }
}
