namespace Journeyscope.Journeys;

/// <summary>What one unit of a KPI's change is worth per affected customer.</summary>
/// <param name="Kpi">The KPI id.</param>
/// <param name="Amount">
/// The amount per customer: for a rate, per customer converted (a risk difference of 1 = 100 %); for a score, per point;
/// for a duration, per <paramref name="Per"/>.
/// </param>
/// <param name="Per">For duration KPIs, the time the amount is for (YAML <c>per: 1h</c>); <c>null</c> otherwise (one hour for durations).</param>
public sealed record KpiValueRate(string Kpi, double Amount, TimeSpan? Per = null)
{
    /// <summary>Where the entry was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
