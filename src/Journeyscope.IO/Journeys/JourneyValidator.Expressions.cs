using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.IO.Journeys;

/// <summary>JS014: every custom KPI's expression parses with the KPI engine's parser and names only what the journey has.</summary>
public static partial class JourneyValidator
{
    private static void CheckKpiExpressions(DesignedJourney journey, List<JourneyDiagnostic> diagnostics)
    {
        foreach (var kpi in journey.Kpis)
        {
            if (string.IsNullOrWhiteSpace(kpi.Expression))
            {
                continue;
            }

            try
            {
                var expression = KpiExpression.Parse(kpi.Expression);
                foreach (var problem in expression.Check(journey))
                {
                    diagnostics.Add(JourneyRules.BadExpression(At(kpi, problem.Position), kpi.Id, problem.Reason, problem.Suggestion));
                }
            }
            catch (KpiExpressionException e)
            {
                diagnostics.Add(JourneyRules.BadExpression(At(kpi, e.Position), kpi.Id, e.Reason, e.Suggestion));
            }
        }
    }

    /// <summary>The file position of character <paramref name="position"/> of the KPI's expression, or the KPI's own position.</summary>
    private static SourceLocation At(JourneyKpi kpi, int position)
    {
        var start = kpi.ExpressionLocation;
        return start.Line == 0 ? kpi.Location : start with { Column = start.Column + position };
    }
}
