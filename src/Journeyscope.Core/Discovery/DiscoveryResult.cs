using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>Everything one discovery pass computes: the directly-follows graph, its performance, variants, case durations.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DiscoveryResult
{
    internal DiscoveryResult(DirectlyFollowsGraph graph, PerformanceDfg performance, VariantSet variants, CaseDurations durations)
    {
        DirectlyFollowsGraph = graph;
        PerformanceDfg = performance;
        Variants = variants;
        CaseDurations = durations;
    }

    /// <summary>The directly-follows graph with frequencies and activity statistics.</summary>
    public DirectlyFollowsGraph DirectlyFollowsGraph { get; }

    /// <summary>The performance directly-follows graph.</summary>
    public PerformanceDfg PerformanceDfg { get; }

    /// <summary>The variants, most frequent first.</summary>
    public VariantSet Variants { get; }

    /// <summary>The case durations.</summary>
    public CaseDurations CaseDurations { get; }

    /// <summary>
    /// Computes every discovery measure of <paramref name="log"/> in one pass: chunks of cases are computed in parallel
    /// as <see cref="DiscoveryPartial"/>s and merged in chunk order.
    /// </summary>
    /// <remarks>
    /// O(n) expected (exact medians and percentiles by selection) plus O(c log c) to sort the c case durations. The result does not
    /// depend on <see cref="DiscoveryOptions.ChunkSize"/> or the degree of parallelism.
    /// </remarks>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked once per chunk).</exception>
    public static DiscoveryResult Discover(EventLog log, DiscoveryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        options ??= DiscoveryOptions.Default;
        options.Validate();
        if (options.TimeBasis is { } basis)
        {
            log = log.ToTimeBasis(basis);
        }

        var partials = ParallelCases.Map(
            log,
            options.ChunkSize,
            options.MaxDegreeOfParallelism,
            static (chunkLog, first, count) => DiscoveryPartial.Compute(chunkLog, first, count),
            cancellationToken);
        var total = partials.Length == 0 ? DiscoveryPartial.Compute(log, 0, 0) : partials[0];
        for (var k = 1; k < partials.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            total.Merge(partials[k]);
        }

        return total.Finish(options);
    }
}
