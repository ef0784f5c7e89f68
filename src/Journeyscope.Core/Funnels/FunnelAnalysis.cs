using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Funnels;

/// <summary>Computes a funnel over an event log. Semantics in docs/funnels.md.</summary>
/// <remarks>
/// Each case counts once. Its attempts start at each event matching step 1; an attempt advances through the later steps in
/// order (loose: other events may come between; strict: none may), inside the conversion window from its step-1 event and
/// each step's own window from the previous step reached, until an exclusion stops it. The case is scored by its earliest
/// attempt that reaches the deepest step (the depth is exact: the pass per attempt tracks every valid chain, not only the
/// greedy one). Work runs in parallel over chunks of cases with mergeable partial results; no allocation per event.
/// O(events x steps) per attempt; thread-safe.
/// </remarks>
public static class FunnelAnalysis
{
    private const int ChunkCases = 4096;

    /// <summary>Computes <paramref name="definition"/> over <paramref name="log"/>.</summary>
    /// <exception cref="ArgumentException">The definition is invalid, or the breakdown attribute does not exist.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked once per chunk).</exception>
    public static FunnelResult Compute(EventLog log, FunnelDefinition definition, CancellationToken cancellationToken = default) =>
        Compute(log, definition, Environment.ProcessorCount, cancellationToken);

    /// <summary>Computes the funnel using at most <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    public static FunnelResult Compute(EventLog log, FunnelDefinition definition, int maxDegreeOfParallelism, CancellationToken cancellationToken = default)
    {
        var (total, values, depths, groups) = Run(log, definition, maxDegreeOfParallelism, cancellationToken);
        return new FunnelResult(log.CaseIds, definition, total, values, depths, groups);
    }

    /// <summary>
    /// The merged tallies of every case of <paramref name="log"/>, the breakdown value of each group (null without a
    /// breakdown), and per case its depth and group: what <see cref="FunnelResult"/> and <see cref="FunnelPartial"/> are built from.
    /// </summary>
    internal static (FunnelChunk Total, string?[]? Values, sbyte[] Depths, int[] Groups) Run(
        EventLog log, FunnelDefinition definition, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        var breakdown = BreakdownKeys.Create(log, definition.Breakdown);
        var depths = new sbyte[log.CaseCount];
        var groups = new int[log.CaseCount];
        var matcher = new FunnelMatcher(log, definition, breakdown, depths, groups);
        var partials = ParallelCases.Map(log, ChunkCases, maxDegreeOfParallelism, matcher.Run, cancellationToken);
        var total = new FunnelChunk(matcher.StepCount);
        foreach (var partial in partials)
        {
            total.Merge(partial);
        }

        return (total, breakdown?.Values, depths, groups);
    }
}
