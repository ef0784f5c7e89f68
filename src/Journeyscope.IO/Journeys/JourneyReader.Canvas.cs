using Journeyscope.Journeys;
using YamlDotNet.RepresentationModel;

namespace Journeyscope.IO.Journeys;

/// <summary>The lifecycle canvas of a stage and the capabilities of a touchpoint (docs/canvas.md).</summary>
internal sealed partial class JourneyReader
{
    private StageCanvas? ReadCanvas(YamlNode node, string context)
    {
        var canvasContext = "the canvas of " + context;
        if (node is not YamlMappingNode mapping)
        {
            Add(JourneyRules.WrongType(At(node.Start), $"'canvas' of {context}", "a mapping (customer_actions, frontstage, backstage, opportunities, value_proposition)", node));
            return null;
        }

        var keys = Keys(mapping, JourneyKeys.Canvas, [], canvasContext, "key");
        return new StageCanvas(
            TextList(keys, "customer_actions", canvasContext),
            TextList(keys, "frontstage", canvasContext),
            TextList(keys, "backstage", canvasContext),
            TextList(keys, "opportunities", canvasContext),
            OptionalText(keys, "value_proposition", canvasContext))
        {
            Location = At(node.Start),
        };
    }

    private List<Capability> ReadCapabilities(Dictionary<string, YamlNode> keys, string context)
    {
        var result = new List<Capability>();
        if (!keys.TryGetValue("capabilities", out var node) || IsNull(node))
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Add(JourneyRules.WrongType(At(node.Start), $"'capabilities' of {context}", "a list of capabilities (kind, name, readiness)", node));
            return result;
        }

        var number = 0;
        foreach (var item in sequence.Children)
        {
            number++;
            var itemContext = $"capability #{number} of {context}";
            if (item is not YamlMappingNode mapping)
            {
                Add(JourneyRules.WrongType(At(item.Start), itemContext, "a mapping (kind, name, readiness)", item));
                continue;
            }

            var fields = Keys(mapping, JourneyKeys.Capability, JourneyKeys.CapabilityRequired, itemContext, "key");
            var kind = CapabilityKind.People;
            var kindText = RequiredText(fields, "kind", itemContext);
            var valid = kindText.Length > 0;
            if (valid && !CapabilityLevels.TryParseKind(kindText, out kind))
            {
                Add(JourneyRules.UnknownCapabilityKind(At(fields["kind"].Start), kindText));
                valid = false;
            }

            var readiness = 0;
            var readinessText = RequiredText(fields, "readiness", itemContext);
            if (readinessText.Length == 0)
            {
                valid = false;
            }
            else if (!CapabilityLevels.TryParse(readinessText, out readiness))
            {
                Add(JourneyRules.BadReadiness(At(fields["readiness"].Start), readinessText));
                valid = false;
            }

            var name = RequiredText(fields, "name", itemContext);
            if (valid && name.Length > 0)
            {
                result.Add(new Capability(kind, name, readiness, OptionalText(fields, "note", itemContext)) { Location = At(mapping.Start) });
            }
        }

        return result;
    }
}
