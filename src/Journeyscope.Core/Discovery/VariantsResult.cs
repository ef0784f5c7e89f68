using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>
/// The most frequent variants: the one result of <c>journeyscope variants --format json</c>, <c>GET …/variants</c> and the
/// variants page.
/// </summary>
/// <param name="TimeBasis">The time basis of the log (it decides the order of each case's events).</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="VariantCount">How many variants the log has.</param>
/// <param name="Cases">Cases of the (filtered) log.</param>
/// <param name="Variants">The variants shown, most frequent first.</param>
public sealed record VariantsResult(TimeBasis TimeBasis, long Version, long VariantCount, long Cases, IReadOnlyList<VariantSummary> Variants)
{
    /// <summary>How many variants a result shows when none is asked for, on every surface.</summary>
    public const int DefaultTop = 20;

    /// <summary>The <paramref name="top"/> most frequent variants of <paramref name="set"/> (every one when null).</summary>
    public static VariantsResult From(VariantSet set, TimeBasis timeBasis, long version, int? top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(set);
        var shown = set.Variants.Take(top ?? int.MaxValue)
            .Select(v => new VariantSummary(v.Rank, v.CaseCount, v.Share, v.CumulativeCoverage, v.MeanDuration, v.MedianDuration, v.Activities, v.ExampleCaseIds))
            .ToList();
        return new VariantsResult(timeBasis, version, set.Variants.Count, set.CaseCount, shown);
    }
}
