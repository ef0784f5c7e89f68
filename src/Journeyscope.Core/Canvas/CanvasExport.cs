using System.Globalization;
using System.Text;

namespace Journeyscope.Canvas;

/// <summary>The canvas as Markdown for a workshop's wiki page: one section per stage, then the capability heat map.</summary>
public static class CanvasExport
{
    /// <summary>The canvas as Markdown (<c>journeyscope journey canvas --format md</c>, <c>GET …/canvas?format=md</c>).</summary>
    public static string Markdown(CanvasResult canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Lifecycle canvas: {canvas.Name} ({canvas.Journey})\n\n");
        foreach (var stage in canvas.Stages)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {stage.Name}\n\n");
            if (stage.ValueProposition is { } promise)
            {
                text.Append(CultureInfo.InvariantCulture, $"*{promise}*\n\n");
            }

            Lines(text, "Customer actions", stage.CustomerActions);
            Lines(text, "Frontstage", stage.Frontstage);
            Lines(text, "Backstage", stage.Backstage);
            Lines(text, "Opportunities (workshop)", stage.Notes);
            Lines(text, "Opportunities (measured)", [.. stage.Measured.Select(o => string.Create(CultureInfo.InvariantCulture,
                $"#{o.Rank} {o.Title}: {o.CustomersAffected} customers, {o.ValuePerPeriod.Value:0.##} {o.ValuePerPeriod.Unit} per {canvas.Period}"))]);
        }

        text.Append("## Capability heat map\n\n");
        text.Append("Readiness 1 missing, 2 initial, 3 defined, 4 managed, 5 optimised; a cell shows the weakest capability of its kind.\n\n");
        text.Append("| Touchpoint | Stage | Lane | ").AppendJoin(" | ", canvas.Capabilities.Kinds).Append(" |\n");
        text.Append("|---|---|---|").Append(string.Concat(canvas.Capabilities.Kinds.Select(_ => "---:|"))).Append('\n');
        foreach (var row in canvas.Capabilities.Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Stage} | {row.Lane} | ")
                .AppendJoin(" | ", row.Cells.Select(c => c.Readiness is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r} {c.Level}") : "–"))
                .Append(" |\n");
        }

        return text.ToString();
    }

    private static void Lines(StringBuilder text, string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"**{heading}**\n\n");
        foreach (var line in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {line.Replace('\n', ' ')}\n");
        }

        text.Append('\n');
    }
}
