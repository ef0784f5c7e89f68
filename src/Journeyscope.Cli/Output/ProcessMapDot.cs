using System.Globalization;
using System.Text;
using Journeyscope.Discovery;

namespace Journeyscope.Cli.Output;

/// <summary>Writes a process map as Graphviz DOT: one node per shown activity, one edge per shown path, start and end markers.</summary>
/// <remarks>Edge width grows with the path's frequency (1 to 6 points), so the main road stands out when rendered.</remarks>
internal static class ProcessMapDot
{
    public static string Write(ProcessMap map)
    {
        var dot = new StringBuilder();
        dot.AppendLine("digraph process_map {");
        dot.AppendLine("  rankdir=TB;");
        dot.AppendLine("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0fe\", fontname=\"Helvetica\"];");
        dot.AppendLine("  edge [fontname=\"Helvetica\", fontsize=10];");
        dot.AppendLine("  \"__start\" [label=\"\", shape=circle, width=0.25, fillcolor=\"#2e7d32\"];");
        dot.AppendLine("  \"__end\" [label=\"\", shape=doublecircle, width=0.2, fillcolor=\"#c62828\"];");
        foreach (var activity in map.Activities)
        {
            dot.Append(CultureInfo.InvariantCulture, $"  {Quote(activity.Name)} [label={Quote(string.Create(CultureInfo.InvariantCulture, $"{activity.Name}\n{activity.Events:N0}"))}];").AppendLine();
        }

        long maxCount = 1;
        foreach (var edge in map.Edges)
        {
            maxCount = Math.Max(maxCount, edge.Count);
        }

        foreach (var edge in map.StartEdges)
        {
            dot.Append(CultureInfo.InvariantCulture, $"  \"__start\" -> {Quote(map.ActivityNames[edge.Activity])} [label=\"{edge.Count:N0}\", style=dashed];").AppendLine();
        }

        foreach (var edge in map.Edges)
        {
            var width = 1.0 + (5.0 * edge.Count / maxCount);
            dot.Append(CultureInfo.InvariantCulture,
                $"  {Quote(map.ActivityNames[edge.From])} -> {Quote(map.ActivityNames[edge.To])} [label=\"{edge.Count:N0}\", penwidth={width:0.##}];").AppendLine();
        }

        foreach (var edge in map.EndEdges)
        {
            dot.Append(CultureInfo.InvariantCulture, $"  {Quote(map.ActivityNames[edge.Activity])} -> \"__end\" [label=\"{edge.Count:N0}\", style=dashed];").AppendLine();
        }

        dot.AppendLine("}");
        return dot.ToString();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
