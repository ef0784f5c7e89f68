using Journeyscope.EventLogs;

namespace Journeyscope.Agenda;

/// <summary>
/// The quantified, prioritised improvement agenda of a journey: the one record of <c>journeyscope agenda --format json</c>,
/// <c>GET …/agenda</c>, the Agenda page and the report's agenda section (docs/agenda.md).
/// </summary>
/// <param name="Journey">The journey id.</param>
/// <param name="TimeBasis">The log's time basis.</param>
/// <param name="Version">The workspace version the figures were computed at.</param>
/// <param name="Cases">Cases in the log.</param>
/// <param name="Period">The value period: <c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c> or <c>year</c>.</param>
/// <param name="Periods">How many periods the log spans.</param>
/// <param name="AdjustedFor">The case attributes the adjusted effects stratify on.</param>
/// <param name="ValueUnit">The value unit.</param>
/// <param name="CustomersAffectedTotal">
/// Distinct customers with at least one listed opportunity (the union of their case sets, each customer once: never double
/// counted); the cases of that union when each case is a customer.
/// </param>
/// <param name="Tests">How many differences were tested (Benjamini-Hochberg's m).</param>
/// <param name="Formula">The ranking formula, shown next to the list.</param>
/// <param name="Opportunities">The top opportunities, highest score first.</param>
/// <param name="Notes">What was left out and why.</param>
public sealed record AgendaResult(
    string Journey,
    TimeBasis TimeBasis,
    long Version,
    int Cases,
    string Period,
    double Periods,
    IReadOnlyList<string> AdjustedFor,
    string ValueUnit,
    int CustomersAffectedTotal,
    int Tests,
    string Formula,
    IReadOnlyList<AgendaOpportunity> Opportunities,
    IReadOnlyList<string> Notes)
{
    private readonly int? _casesAffectedTotal;

    /// <summary>Cases with at least one listed opportunity (the union of their case sets, each case once).</summary>
    public int CasesAffectedTotal
    {
        get => _casesAffectedTotal ?? CustomersAffectedTotal;
        init => _casesAffectedTotal = value;
    }

    /// <summary>
    /// The case attribute that tells customers apart (the journey's <c>customer:</c>), or <c>null</c> when each case is a
    /// customer (then customers and cases are the same counts).
    /// </summary>
    public string? CustomerAttribute { get; init; }

    /// <summary>The ranking formula of a journey that prices its KPIs (<c>value:</c>).</summary>
    public const string RankingFormula = "score = valuePerPeriod.low × share / effort (WSJF: cost of delay / job size), valuePerPeriod = customers per period × Σ amount × harm (interval bound nearest no harm, significant harms only); RICE = reach × impact × confidence / effort";

    /// <summary>The ranking formula of a journey without <c>value:</c>: the harm in standard deviations of the KPI.</summary>
    public const string StandardisedFormula = "score = valuePerPeriod.low × share / effort (WSJF: cost of delay / job size), valuePerPeriod.low = customers per period × max over linked KPIs of (harm's interval bound nearest no harm / the KPI's standard deviation per case), significant harms only; RICE = reach × impact × confidence / effort";
}
