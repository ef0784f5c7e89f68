namespace Journeyscope.Journeys;

/// <summary>A KPI of the designed journey, with its target and the touchpoints and stages it belongs to.</summary>
/// <param name="Id">The KPI's id, unique in the journey.</param>
/// <param name="Name">The display name.</param>
/// <param name="Kind">
/// The built-in KPI kind from the catalogue in docs/kpis.md (for example <c>nps</c>, <c>csat</c>, <c>order-cycle-time</c>),
/// or <c>custom</c> with an <see cref="Expression"/>.
/// </param>
/// <param name="Target">The target as a comparison, for example <c>&gt;= 40</c> or <c>&lt;= 3d</c>; <c>null</c> when none is set.</param>
/// <param name="Stages">Ids of the stages the KPI belongs to.</param>
/// <param name="Touchpoints">Ids of the touchpoints the KPI belongs to.</param>
/// <param name="Parameters">
/// The kind's own settings as written in YAML (for example <c>activity: NPS survey</c>, <c>attribute: score</c>);
/// keys are the YAML keys, values their scalar text.
/// </param>
/// <param name="Expression">For <c>custom</c> KPIs, the expression (docs/kpis.md); otherwise <c>null</c>.</param>
/// <param name="Drivers">Ids of the KPIs this KPI is driven by (the KPI tree: customer KPIs above operational ones).</param>
public sealed record JourneyKpi(
    string Id,
    string Name,
    string Kind,
    string? Target,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> Touchpoints,
    IReadOnlyDictionary<string, string> Parameters,
    string? Expression,
    IReadOnlyList<string> Drivers)
{
    /// <summary>Where the KPI was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>
    /// Where the first character of <see cref="Expression"/> was written, when every character of it sits on that line at
    /// that column plus its index (a one-line value without escapes); otherwise <see cref="SourceLocation.None"/>.
    /// </summary>
    public SourceLocation ExpressionLocation { get; init; } = SourceLocation.None;
}
