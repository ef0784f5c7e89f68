namespace Journeyscope.Segments;

/// <summary>One row of the retention table as results show it.</summary>
/// <param name="Cohort">The cohort label: its period (<c>2024-03-04</c>, <c>2024-03</c>), the attribute value, <c>(none)</c> or <c>all</c>.</param>
/// <param name="Cases">Cases in the cohort.</param>
/// <param name="Eligible">Per period k: cases whose period k had begun by the end of observation.</param>
/// <param name="Retained">Per period k: eligible cases with a return event in that period.</param>
/// <param name="Rates">Per period k: retained / eligible; <c>null</c> when none is eligible yet.</param>
/// <param name="Churned">Cases that churned; <c>null</c> without a churn rule.</param>
/// <param name="ChurnRate">Churned / cases; <c>null</c> without a churn rule.</param>
public sealed record RetentionRow(
    string Cohort,
    long Cases,
    IReadOnlyList<long> Eligible,
    IReadOnlyList<long> Retained,
    IReadOnlyList<double?> Rates,
    long? Churned,
    double? ChurnRate)
{
    /// <summary>The row of <paramref name="cohort"/>.</summary>
    public static RetentionRow Of(Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return new RetentionRow(cohort.Label, cohort.Size, cohort.Eligible, cohort.Retained,
            [.. cohort.Rates.Select(r => double.IsNaN(r) ? (double?)null : r)], cohort.Churned, cohort.ChurnRate);
    }
}
