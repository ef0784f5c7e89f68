using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.Voc;

/// <summary>Reads a scale's direction from a designed journey.</summary>
public static class ScoreDirections
{
    /// <summary>
    /// CES's direction as <paramref name="journey"/> declares it through the target of its first <c>ces</c> KPI with a
    /// target; <see cref="ScoreDirection.LowerIsBetter"/> (the catalogue's definition) without one.
    /// </summary>
    public static ScoreDirection Ces(DesignedJourney? journey)
    {
        foreach (var kpi in journey?.Kpis ?? [])
        {
            if (KpiCatalogue.Find(kpi.Kind)?.Id == "ces" && KpiTarget.TryParse(kpi.Target, out var target, out _))
            {
                return target.Comparison switch
                {
                    TargetComparison.AtLeast or TargetComparison.Above => ScoreDirection.HigherIsBetter,
                    TargetComparison.AtMost or TargetComparison.Below => ScoreDirection.LowerIsBetter,
                    _ => ScoreDirection.LowerIsBetter,
                };
            }
        }

        return ScoreDirection.LowerIsBetter;
    }
}
