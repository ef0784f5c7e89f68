using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>Canvas and capability rules: a capability listed twice on a touchpoint (JS019), a canvas note repeated (JS020).</summary>
public static partial class JourneyValidator
{
    private static void CheckCanvas(DesignedJourney journey, List<JourneyDiagnostic> diagnostics)
    {
        foreach (var touchpoint in journey.Touchpoints)
        {
            var seen = new Dictionary<(CapabilityKind, string), SourceLocation>();
            foreach (var capability in touchpoint.Capabilities)
            {
                var key = (capability.Kind, capability.Name.Trim().ToUpperInvariant());
                if (!seen.TryAdd(key, capability.Location))
                {
                    diagnostics.Add(JourneyRules.DuplicateCapability(
                        capability.Location, touchpoint.Id, CapabilityLevels.KindName(capability.Kind), capability.Name, seen[key]));
                }
            }
        }

        foreach (var stage in journey.Stages)
        {
            if (stage.Canvas is not { } canvas)
            {
                continue;
            }

            Notes(stage, "customer_actions", canvas.CustomerActions, diagnostics);
            Notes(stage, "frontstage", canvas.Frontstage, diagnostics);
            Notes(stage, "backstage", canvas.Backstage, diagnostics);
            Notes(stage, "opportunities", canvas.Opportunities, diagnostics);
        }
    }

    private static void Notes(Stage stage, string field, IReadOnlyList<string> notes, List<JourneyDiagnostic> diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var note in notes)
        {
            if (!seen.Add(note.Trim()))
            {
                diagnostics.Add(JourneyRules.DuplicateCanvasNote(stage.Canvas!.Location, stage.Id, field, note));
            }
        }
    }
}
