namespace Journeyscope.Journeys;

/// <summary>The journey's <c>value:</c> section: the money (or other unit) a change of each KPI is worth per affected customer.</summary>
/// <param name="Unit">The unit of every amount, for example <c>EUR</c>.</param>
/// <param name="Kpis">The rate of each valued KPI.</param>
public sealed record JourneyValue(string Unit, IReadOnlyList<KpiValueRate> Kpis)
{
    /// <summary>Where the section was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
