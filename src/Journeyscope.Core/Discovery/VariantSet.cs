using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>The variants of a log, most frequent first.</summary>
/// <remarks>
/// Ordered by case count descending; ties keep the order in which the variants first appear in the log (by their
/// first case). Case counts sum to <see cref="CaseCount"/>. Immutable and thread-safe.
/// </remarks>
public sealed class VariantSet
{
    internal VariantSet(Variant[] variants, long caseCount, TimeBasis timeBasis)
    {
        Variants = variants;
        CaseCount = caseCount;
        TimeBasis = timeBasis;
    }

    /// <summary>The variants by rank.</summary>
    public IReadOnlyList<Variant> Variants { get; }

    /// <summary>Number of cases of the log.</summary>
    public long CaseCount { get; }

    /// <summary>The time basis of the durations.</summary>
    public TimeBasis TimeBasis { get; }

    /// <summary>Discovers the variants of <paramref name="log"/>.</summary>
    public static VariantSet Discover(EventLog log, DiscoveryOptions? options = null, CancellationToken cancellationToken = default) =>
        DiscoveryResult.Discover(log, options, cancellationToken).Variants;
}
