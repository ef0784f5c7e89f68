using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Discovery;

/// <summary>
/// The Inductive Miner, infrequent variant (IMf): discovers a process tree from a log, following PM4Py 2.7's
/// implementation (cuts, fall-throughs, noise filtering of the directly-follows graph, folding and sorting).
/// </summary>
/// <remarks>
/// At noise 0 the tree replays every trace of its log (it is sound and fitting by construction). With noise
/// <c>f</c>, when no cut is found, directly-follows edges whose count is at most <c>f</c> times the most frequent
/// outgoing edge (or end count) of their source are ignored for cut detection, and empty traces under <c>f</c> of the
/// traces are dropped. Where PM4Py's choice follows the string-hash order of a Python set (the activity-once-per-trace
/// candidate, the order of exclusive-choice groups that breaks projection ties), Journeyscope uses ordinal order of the
/// activity names. Works on variants, so cost grows with distinct traces, not cases.
/// </remarks>
public static class InductiveMiner
{
    /// <summary>Discovers a process tree whose leaves are the log's activity names.</summary>
    /// <param name="log">The event log.</param>
    /// <param name="noiseThreshold">The IMf noise threshold in [0, 1); 0 gives the plain Inductive Miner (default 0.2, PM4Py's usual choice).</param>
    /// <param name="cancellationToken">Checked once per recursion step.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="noiseThreshold"/> is outside [0, 1).</exception>
    public static ProcessTree Discover(EventLog log, double noiseThreshold = 0.2, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!(noiseThreshold >= 0 && noiseThreshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseThreshold), noiseThreshold, "The noise threshold is a share in [0, 1).");
        }

        var variants = new VariantLog();
        for (var c = 0; c < log.CaseCount; c++)
        {
            var activities = log.CaseActivities(c);
            var trace = new string[activities.Length];
            for (var i = 0; i < trace.Length; i++)
            {
                trace[i] = log.ActivityNames[activities[i]];
            }

            variants.Add(trace, 1);
        }

        var tree = Mine(variants, variants.Dfg(), noiseThreshold, secondIteration: false, cancellationToken)!;
        tree = TreeNormalisation.Fold(tree);
        TreeNormalisation.Sort(tree);
        return tree.ToProcessTree();
    }

    private static MinedNode? Mine(VariantLog log, InductiveDfg dfg, double noise, bool secondIteration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (InductiveFallThroughs.EmptyTraces(log) is { Logs.Count: > 0 } empty)
        {
            var total = log.TotalCount;
            var nonEmpty = empty.Logs[1];
            if (total - nonEmpty.TotalCount > noise * total)
            {
                return Recurse(empty.Node, empty.Logs, noise, cancellationToken);
            }

            log = nonEmpty;
            dfg = log.Dfg();
        }

        if (BaseCase(log) is { } leaf)
        {
            return leaf;
        }

        if (InductiveCuts.Find(log, dfg) is { } cut)
        {
            return Recurse(cut.Node, cut.Logs, noise, cancellationToken);
        }

        if (secondIteration)
        {
            return null;
        }

        var filtered = Mine(log, FilterNoise(dfg, noise), noise, secondIteration: true, cancellationToken);
        if (filtered is not null)
        {
            return filtered;
        }

        var fallThrough = InductiveFallThroughs.Apply(log);
        return Recurse(fallThrough.Node, fallThrough.Logs, noise, cancellationToken);
    }

    private static MinedNode Recurse(MinedNode node, List<VariantLog> logs, double noise, CancellationToken cancellationToken)
    {
        foreach (var child in logs)
        {
            node.Children.Add(Mine(child, child.Dfg(), noise, secondIteration: false, cancellationToken)!);
        }

        return node;
    }

    /// <summary>An empty log is a silent step; a log of one trace with at most one event is that activity.</summary>
    private static MinedNode? BaseCase(VariantLog log)
    {
        if (log.Count == 0)
        {
            return MinedNode.Tau();
        }

        if (log.Count == 1 && log.Traces[0].Length <= 1)
        {
            return log.Traces[0].Length == 0 ? MinedNode.Tau() : MinedNode.Leaf(log.Traces[0][0]);
        }

        return null;
    }

    /// <summary>Keeps the edges whose count exceeds <paramref name="noise"/> times the largest outgoing count of their source.</summary>
    private static InductiveDfg FilterNoise(InductiveDfg dfg, double noise)
    {
        var outgoingMax = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ((from, _), count) in dfg.Edges)
        {
            var max = Math.Max(outgoingMax.GetValueOrDefault(from), count);
            if (dfg.Ends.TryGetValue(from, out var endCount))
            {
                max = Math.Max(max, endCount);
            }

            outgoingMax[from] = max;
        }

        var filtered = new InductiveDfg();
        foreach (var (a, count) in dfg.Starts)
        {
            filtered.Starts[a] = count;
        }

        foreach (var (a, count) in dfg.Ends)
        {
            filtered.Ends[a] = count;
        }

        foreach (var (edge, count) in dfg.Edges)
        {
            if (count > noise * outgoingMax[edge.From])
            {
                filtered.Edges[edge] = count;
            }
        }

        return filtered;
    }
}
