using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Journeys;

namespace Journeyscope.Agenda;

public static partial class ImprovementAnalysis
{
    /// <summary>
    /// The per-case measure of the improvement: its outcome filter as 0/1, or the journey KPI it names as the agenda
    /// measures it (the same numerator and denominator per case), with the value per unit from the journey when none is recorded.
    /// </summary>
    private static ImprovementMeasure Measure(EventLog log, Improvement improvement, DesignedJourney? journey, List<string> notes, CancellationToken cancellationToken)
    {
        if (improvement.Kpi is not { } kpiId)
        {
            var outcome = RootCauseAnalysis.OutcomeMask(log, FilterParser.ParseAll(improvement.Outcome), cancellationToken);
            var numerator = new double[log.CaseCount];
            var denominator = new double[log.CaseCount];
            for (var c = 0; c < outcome.Length; c++)
            {
                numerator[c] = outcome[c] ? 1 : 0;
                denominator[c] = 1;
            }

            return new ImprovementMeasure(numerator, denominator, binary: true, "outcome rate", improvement.ValuePerUnit, improvement.Unit, ImprovementUnits.Share);
        }

        if (journey is null)
        {
            throw new ArgumentException($"The improvement names KPI '{kpiId}'; its journey '{improvement.Journey}' is needed to measure it.", nameof(journey));
        }

        var measures = AgendaAnalysis.Measures(log, journey, []);
        var kpi = measures.FirstOrDefault(m => string.Equals(m.Kpi.Id, kpiId, StringComparison.Ordinal));
        if (kpi is null)
        {
            throw new ArgumentException(
                journey.Kpis.Any(k => string.Equals(k.Id, kpiId, StringComparison.Ordinal))
                    ? $"KPI '{kpiId}' of journey '{journey.Id}' has no per-case value (a custom expression or a stock): value tracking cannot compare groups of cases on it."
                    : $"Journey '{journey.Id}' has no KPI '{kpiId}'.{NameSuggestions.Hint(kpiId, journey.Kpis.Select(k => k.Id))}",
                nameof(improvement));
        }

        var binary = true;
        for (var c = 0; c < log.CaseCount && binary; c++)
        {
            var d = kpi.Denominator[c];
            var n = kpi.Numerator[c];
            binary = (d == 0 && n == 0) || (d == 1 && (n == 0 || n == 1));
        }

        var valuePerUnit = improvement.ValuePerUnit;
        var unit = improvement.Unit;
        if (valuePerUnit is null && journey.Value?.Kpis.Any(r => string.Equals(r.Kpi, kpiId, StringComparison.Ordinal)) == true)
        {
            // The agenda's amount per unit as measured (per second for durations), signed so that a change for the better is worth more.
            valuePerUnit = AgendaAnalysis.Amount(journey, kpi) * (kpi.HigherIsBetter ? 1 : -1);
            unit = journey.Value.Unit;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Value per unit from the journey's value: entry for '{kpiId}': {valuePerUnit:0.######} {unit} per {(kpi.IsDuration ? "second" : "unit")} per customer ({(kpi.HigherIsBetter ? "higher" : "lower")} is better)."));
        }

        notes.Add($"Measure: KPI '{kpiId}' ({kpi.Kpi.Name}, {kpi.Method}) per case as the agenda measures it; cases without a measurement are left out.");
        var kind = kpi.IsDuration ? ImprovementUnits.Duration
            : kpi.Method == "risk difference" ? ImprovementUnits.Share
            : kpi.Method == "NPS difference" ? ImprovementUnits.NetScore
            : ImprovementUnits.Number;
        return new ImprovementMeasure(kpi.Numerator, kpi.Denominator, binary, $"KPI '{kpiId}'", valuePerUnit, unit, kind);
    }
}
