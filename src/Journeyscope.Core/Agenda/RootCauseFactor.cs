namespace Journeyscope.Agenda;

/// <summary>One thing cases can have in common, with how strongly it goes with the outcome (docs/rootcause.md).</summary>
/// <param name="Rank">1 for the factor whose risk difference lies furthest from zero (by its interval).</param>
/// <param name="Kind"><c>case-attribute</c>, <c>event-attribute</c>, <c>entry-path</c>, <c>wait</c> or <c>pair</c>.</param>
/// <param name="Attribute">The attribute (or, for a wait, the activity; for a pair, both attributes joined by <c> &amp; </c>).</param>
/// <param name="Value">The value, range or condition that defines the group.</param>
/// <param name="Title">The factor in plain words.</param>
/// <param name="Cases">Cases in the group (its support).</param>
/// <param name="Share">The group's share of its population, 0..1.</param>
/// <param name="OutcomeCases">Cases in the group with the outcome.</param>
/// <param name="Rate">Outcome rate in the group.</param>
/// <param name="RateElsewhere">Outcome rate in the rest of the population.</param>
/// <param name="RiskDifference">Rate minus rate elsewhere.</param>
/// <param name="Low">Low end of the risk difference's 95 % interval (Newcombe's hybrid score).</param>
/// <param name="High">High end of that interval.</param>
/// <param name="Lift">Rate over the population's rate; null when the population has no outcome.</param>
/// <param name="PValue">Two-sided pooled two-proportion z-test.</param>
/// <param name="QValue">Benjamini–Hochberg adjusted over every factor tested in the run.</param>
/// <param name="Explains">Whether <paramref name="QValue"/> is at most 0.05.</param>
public sealed record RootCauseFactor(
    int Rank,
    string Kind,
    string Attribute,
    string Value,
    string Title,
    int Cases,
    double Share,
    int OutcomeCases,
    double Rate,
    double RateElsewhere,
    double RiskDifference,
    double Low,
    double High,
    double? Lift,
    double PValue,
    double QValue,
    bool Explains);
