using System.Globalization;
using System.Text;
using Journeyscope.Canvas;

namespace Journeyscope.Reports;

public static partial class HtmlReport
{
    /// <summary>Readiness 1 (red) to 5 (green), and no capability (grey): the web UI's heat map colours.</summary>
    private static readonly string[] ReadinessColours = ["#eceff1", "#ef9a9a", "#ffcc80", "#fff59d", "#c5e1a5", "#81c784"];

    private static string CanvasSection(ReportData data)
    {
        if (data.Canvas is not { } canvas)
        {
            return Section("canvas", "Lifecycle canvas and capability heat map", "<p class=\"empty\">No designed journey, so no canvas.</p>");
        }

        var html = new StringBuilder();
        html.Append("<p class=\"meta\">Journey '").Append(Encode(canvas.Journey)).Append("': per stage the workshop's canvas, with the ")
            .Append("opportunities the agenda measured at the stage's touchpoints beside the workshop's own notes (docs/canvas.md).</p>");
        foreach (var note in canvas.Notes)
        {
            html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>");
        }

        foreach (var stage in canvas.Stages)
        {
            html.Append("<div class=\"canvas-stage\" data-stage=\"").Append(Encode(stage.Id)).Append("\"><h3>").Append(Encode(stage.Name)).Append("</h3>");
            if (stage.ValueProposition is { } promise)
            {
                html.Append("<p class=\"promise\">").Append(Encode(promise)).Append("</p>");
            }

            html.Append("<div class=\"canvas-lists\">")
                .Append(CanvasList("Customer actions", stage.CustomerActions))
                .Append(CanvasList("Frontstage", stage.Frontstage))
                .Append(CanvasList("Backstage", stage.Backstage))
                .Append(CanvasList("Opportunities (workshop)", stage.Notes))
                .Append("</div>");
            if (stage.Measured.Count > 0)
            {
                var measured = new HtmlTable("measured-" + stage.Id, "Rank", "Opportunity (measured)", "Touchpoint", "Customers", "Value per period");
                foreach (var o in stage.Measured)
                {
                    measured.Row(o.Rank, o.Title, o.Touchpoint ?? "–", Count(o.CustomersAffected),
                        string.Create(CultureInfo.InvariantCulture, $"{o.ValuePerPeriod.Value:0.##} {o.ValuePerPeriod.Unit} per {canvas.Period}"));
                }

                html.Append(measured);
            }

            html.Append("</div>");
        }

        if (canvas.Unplaced.Count > 0)
        {
            html.Append("<p class=\"meta\">Measured opportunities without a touchpoint: ")
                .Append(Encode(string.Join("; ", canvas.Unplaced.Select(o => $"#{o.Rank} {o.Title}")))).Append(".</p>");
        }

        return Section("canvas", "Lifecycle canvas and capability heat map", html.Append(HeatMap(canvas.Capabilities)).ToString());
    }

    private static string CanvasList(string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<div><b>").Append(Encode(title)).Append("</b><ul>");
        foreach (var item in items)
        {
            html.Append("<li>").Append(Encode(item)).Append("</li>");
        }

        return html.Append("</ul></div>").ToString();
    }

    /// <summary>The capability heat map: a row per touchpoint in blueprint order, a column per kind, the lowest readiness per cell.</summary>
    private static string HeatMap(CapabilityMap map)
    {
        var html = new StringBuilder("<h3>Capability heat map</h3><p class=\"meta\">Each cell is the lowest readiness of the touchpoint's capabilities of that kind; ")
            .Append("the touchpoint's readiness is the lowest of its cells (the weakest link). Levels: ");
        for (var level = 1; level <= map.Levels.Count; level++)
        {
            html.Append("<span class=\"swatch\" style=\"background:").Append(ReadinessColours[Math.Min(level, 5)]).Append("\">")
                .Append(level.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Encode(map.Levels[level - 1])).Append("</span> ");
        }

        html.Append("<span class=\"swatch\" style=\"background:").Append(ReadinessColours[0]).Append("\">no capabilities declared</span></p>")
            .Append("<table id=\"heatmap-table\"><thead><tr><th>Stage</th><th>Touchpoint</th><th>Lane</th><th>Readiness (lowest)</th>");
        foreach (var kind in map.Kinds)
        {
            html.Append("<th>").Append(Encode(kind)).Append("</th>");
        }

        html.Append("<th>Measured opportunities</th></tr></thead><tbody>");
        foreach (var row in map.Rows)
        {
            var lowest = row.LowestReadiness();
            html.Append("<tr data-touchpoint=\"").Append(Encode(row.Touchpoint)).Append("\"><td>").Append(Encode(row.Stage)).Append("</td><td>")
                .Append(Encode(row.Name)).Append("</td><td>").Append(Encode(row.Lane)).Append("</td>")
                .Append(HeatCell(lowest, lowest is { } r ? map.Levels[r - 1] : "no capabilities declared", null));
            foreach (var cell in row.Cells)
            {
                var names = string.Join("; ", cell.Capabilities.Select(c => $"{c.Name}: {c.Readiness} {c.Level}" + (c.Note is null ? string.Empty : $" ({c.Note})")));
                html.Append(HeatCell(cell.Readiness, cell.Level ?? string.Empty, names));
            }

            html.Append("<td>").Append(Count(row.Opportunities)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string HeatCell(int? readiness, string level, string? capabilities)
    {
        var html = new StringBuilder("<td class=\"heat\" data-readiness=\"")
            .Append(readiness?.ToString(CultureInfo.InvariantCulture) ?? string.Empty).Append("\" style=\"background:")
            .Append(ReadinessColours[readiness is { } r ? Math.Clamp(r, 1, 5) : 0]).Append("\">");
        if (readiness is { } value)
        {
            html.Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Encode(level));
        }
        else if (capabilities is null)
        {
            html.Append(Encode(level));
        }

        if (!string.IsNullOrEmpty(capabilities))
        {
            html.Append("<div class=\"capabilities\">").Append(Encode(capabilities)).Append("</div>");
        }

        return html.Append("</td>").ToString();
    }
}
