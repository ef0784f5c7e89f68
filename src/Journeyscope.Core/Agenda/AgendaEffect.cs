namespace Journeyscope.Agenda;

/// <summary>An opportunity's effect on one KPI: the KPI with the gap minus without, with its 95 % interval.</summary>
/// <param name="Kpi">The KPI id.</param>
/// <param name="Value">The difference (with − without), or <c>null</c> when a group has no measurement.</param>
/// <param name="Low">Lower bound of the interval, or <c>null</c>.</param>
/// <param name="High">Upper bound of the interval, or <c>null</c>.</param>
/// <param name="Method"><c>risk difference</c>, <c>mean difference</c> or <c>NPS difference</c>.</param>
/// <param name="Basis"><c>associational</c> (crude) or <c>adjusted</c> (Mantel-Haenszel over the <c>--by</c> strata).</param>
/// <param name="PValue">Two-sided p-value of no difference, or <c>null</c>.</param>
/// <param name="QValue">Benjamini-Hochberg adjusted p-value over every test of the agenda, or <c>null</c>.</param>
/// <param name="Significant">Whether the q-value is at most the false discovery rate and the interval excludes zero.</param>
/// <param name="Harmful">Whether the difference points in the KPI's bad direction.</param>
/// <param name="Exposed">Measurements with the gap (cases, or answers for a survey score).</param>
/// <param name="Unexposed">Measurements without it.</param>
public sealed record AgendaEffect(
    string Kpi,
    double? Value,
    double? Low,
    double? High,
    string Method,
    string Basis,
    double? PValue,
    double? QValue,
    bool Significant,
    bool Harmful,
    double Exposed,
    double Unexposed);
