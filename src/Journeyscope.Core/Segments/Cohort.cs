namespace Journeyscope.Segments;

/// <summary>One cohort's row of the retention table.</summary>
/// <param name="Label">The cohort: its period (<c>2024-03-04</c> for a day or the Monday of a week, <c>2024-03</c> for a month), the attribute value, <c>(none)</c>, or <c>all</c>.</param>
/// <param name="Start">The first instant (ticks) of the cohort period; <c>null</c> for attribute cohorts and the total.</param>
/// <param name="Size">Cases in the cohort.</param>
/// <param name="Eligible">Per period k: cases whose period k had begun by the end of observation (the denominator).</param>
/// <param name="Retained">Per period k: eligible cases with a return event in period k after their first event's period.</param>
/// <param name="Rates">Per period k: retained / eligible; NaN when none is eligible.</param>
/// <param name="Churned">Cases that churned under the churn rule; <c>null</c> when no rule is set.</param>
/// <param name="ChurnRate">Churned / size; <c>null</c> when no rule is set.</param>
public sealed record Cohort(
    string Label,
    long? Start,
    long Size,
    IReadOnlyList<long> Eligible,
    IReadOnlyList<long> Retained,
    IReadOnlyList<double> Rates,
    long? Churned,
    double? ChurnRate);
