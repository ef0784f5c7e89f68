namespace Journeyscope.Canvas;

/// <summary>One touchpoint of the capability heat map.</summary>
/// <param name="Touchpoint">The touchpoint id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Stage">Its stage id.</param>
/// <param name="Lane">Its blueprint lane as written in YAML.</param>
/// <param name="Cells">One cell per capability kind, in <see cref="CapabilityMap.Kinds"/> order.</param>
/// <param name="Opportunities">How many measured opportunities the agenda lists at the touchpoint.</param>
public sealed record CapabilityMapRow(string Touchpoint, string Name, string Stage, string Lane, IReadOnlyList<CapabilityMapCell> Cells, int Opportunities)
{
    /// <summary>
    /// The touchpoint's readiness on the blueprint's heat map: the lowest of its cells (the weakest link, as within a
    /// cell), or <c>null</c> when it declares no capability. A method, not a property, so the JSON record stays as it is.
    /// </summary>
    public int? LowestReadiness()
    {
        int? lowest = null;
        foreach (var cell in Cells)
        {
            if (cell.Readiness is { } r && (lowest is null || r < lowest))
            {
                lowest = r;
            }
        }

        return lowest;
    }
}
