using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using YamlDotNet.RepresentationModel;

namespace Journeyscope.IO.Journeys;

/// <summary>The agenda's sections: <c>value:</c> (what a KPI's change is worth) and <c>solutions:</c> (docs/agenda.md).</summary>
internal sealed partial class JourneyReader
{
    private JourneyValue? ReadValue(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Add(JourneyRules.WrongType(At(node.Start), "'value' of the journey", "a mapping with 'unit' and 'kpis'", node));
            return null;
        }

        var keys = Keys(mapping, JourneyKeys.Value, JourneyKeys.ValueRequired, "the value section", "key");
        return new JourneyValue(RequiredText(keys, "unit", "the value section"), ReadList(keys, "kpis", "value entry", ReadValueRate))
        {
            Location = At(node.Start),
        };
    }

    private KpiValueRate ReadValueRate(YamlMappingNode node, string context)
    {
        var keys = Keys(node, JourneyKeys.ValueRate, JourneyKeys.ValueRateRequired, context, "key");
        TimeSpan? per = null;
        if (OptionalText(keys, "per", context) is { } text)
        {
            if (DurationText.TryParse(text, out var parsed) && parsed > TimeSpan.Zero)
            {
                per = parsed;
            }
            else
            {
                Add(JourneyRules.BadDuration(At(keys["per"].Start), text));
            }
        }

        return new KpiValueRate(RequiredText(keys, "kpi", context), Number(keys, "amount", context, 0, double.MinValue, double.MaxValue), per)
        {
            Location = At(node.Start),
        };
    }

    private JourneySolution ReadSolution(YamlMappingNode node, string context)
    {
        var keys = Keys(node, JourneyKeys.Solution, JourneyKeys.SolutionRequired, context, "key");
        double? cost = keys.ContainsKey("cost") ? Number(keys, "cost", context, 0, 0, double.MaxValue) : null;
        return new JourneySolution(
            RequiredText(keys, "id", context),
            RequiredText(keys, "name", context),
            TextList(keys, "touchpoints", context),
            TextList(keys, "kinds", context),
            Number(keys, "effort", context, 1, double.Epsilon, double.MaxValue),
            cost,
            Number(keys, "share", context, 1, 0, 1),
            Number(keys, "confidence", context, 1, 0, 1),
            OptionalText(keys, "owner", context))
        {
            Location = At(node.Start),
        };
    }

    private double Number(Dictionary<string, YamlNode> keys, string key, string context, double fallback, double min, double max)
    {
        if (OptionalText(keys, key, context) is not { } text)
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max && double.IsFinite(value))
        {
            return value;
        }

        var expected = min == 0 && max == 1 ? "a number from 0 to 1" : min > 0 ? "a positive number" : min == 0 ? "a number of at least 0" : "a number";
        Add(JourneyRules.BadNumber(At(keys[key].Start), key, text, expected));
        return fallback;
    }
}
