using System.Globalization;
using Journeyscope.Canvas;

namespace Journeyscope.Server.Components;

/// <summary>
/// How the UI shows capability readiness (docs/canvas.md): the heat map's colours, and the blueprint cards coloured by the
/// canvas's capability map (the record of <c>GET …/journeys/{id}/canvas</c>, so the Canvas page and the blueprint show one computation).
/// </summary>
internal static class CapabilityReadiness
{
    /// <summary>Readiness 1 (red) to 5 (green); no capability: light grey. The blueprint script's readiness cards use the same colours.</summary>
    public static string Colour(int? readiness) => readiness switch
    {
        1 => "#ef9a9a",
        2 => "#ffcc80",
        3 => "#fff59d",
        4 => "#c5e1a5",
        5 => "#81c784",
        _ => "#eceff1",
    };

    /// <summary>
    /// The blueprint's status per touchpoint id: <c>readiness-1</c> … <c>readiness-5</c> by the lowest readiness of the
    /// touchpoint's capabilities, <c>readiness-none</c> when it declares none; the card's label gives the level and each
    /// kind's, its tooltip every capability.
    /// </summary>
    public static Dictionary<string, object> CardStatus(CapabilityMap map)
    {
        var status = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var row in map.Rows)
        {
            var lowest = row.LowestReadiness();
            if (lowest is not { } r)
            {
                status[row.Touchpoint] = new { status = "readiness-none", label = "No capabilities declared", title = "No capabilities declared" };
                continue;
            }

            var kinds = string.Join(" · ", row.Cells.Select(c => c.Kind + " " + (c.Readiness?.ToString(CultureInfo.InvariantCulture) ?? "–")));
            var capabilities = row.Cells.SelectMany(c => c.Capabilities.Select(x =>
                $"{c.Kind}: {x.Name}, {x.Readiness} {x.Level}" + (x.Note is null ? "" : $" ({x.Note})")));
            status[row.Touchpoint] = new
            {
                status = "readiness-" + r.ToString(CultureInfo.InvariantCulture),
                label = $"Readiness {r} {CapabilityName(map, r)} (lowest)\n{kinds}",
                title = string.Join("\n", capabilities),
            };
        }

        return status;
    }

    private static string CapabilityName(CapabilityMap map, int readiness) =>
        readiness >= 1 && readiness <= map.Levels.Count ? map.Levels[readiness - 1] : string.Empty;
}
