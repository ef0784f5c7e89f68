using System.Globalization;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>Writes a stage's canvas and a touchpoint's capabilities (docs/canvas.md).</summary>
internal static partial class JourneyWriter
{
    private static void WriteCanvas(TextWriter writer, StageCanvas? canvas)
    {
        if (canvas is null)
        {
            return;
        }

        if (canvas.CustomerActions.Count + canvas.Frontstage.Count + canvas.Backstage.Count + canvas.Opportunities.Count == 0 && canvas.ValueProposition is null)
        {
            writer.WriteLine("    canvas: {}");
            return;
        }

        writer.WriteLine("    canvas:");
        List(writer, 6, "customer_actions", canvas.CustomerActions);
        List(writer, 6, "frontstage", canvas.Frontstage);
        List(writer, 6, "backstage", canvas.Backstage);
        List(writer, 6, "opportunities", canvas.Opportunities);
        Field(writer, 6, "value_proposition", canvas.ValueProposition);
    }

    private static void WriteCapabilities(TextWriter writer, IReadOnlyList<Capability> capabilities)
    {
        if (capabilities.Count == 0)
        {
            return;
        }

        writer.WriteLine("    capabilities:");
        foreach (var capability in capabilities)
        {
            writer.WriteLine($"      - kind: {CapabilityLevels.KindName(capability.Kind)}");
            Field(writer, 8, "name", capability.Name);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        readiness: {capability.Readiness}"));
            Field(writer, 8, "note", capability.Note);
        }
    }
}
