using System.Globalization;
using System.Text;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>Writes a journey as YAML in the documented form: block mappings, short lists in flow style, the flow nested.</summary>
internal static partial class JourneyWriter
{
    public static void Write(DesignedJourney journey, TextWriter writer)
    {
        writer.Write("journey: ");
        writer.WriteLine(Scalar(journey.Id));
        writer.Write("name: ");
        writer.WriteLine(Scalar(journey.Name));
        Field(writer, 0, "owner", journey.Owner);
        Field(writer, 0, "description", journey.Description);
        Field(writer, 0, "customer", journey.Customer?.Attribute);

        if (journey.Personas.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("personas:");
            foreach (var persona in journey.Personas)
            {
                Item(writer, "id", persona.Id);
                Field(writer, 4, "name", persona.Name);
                Field(writer, 4, "description", persona.Description);
                Field(writer, 4, "segment", persona.Segment);
            }
        }

        if (!JourneyStages.IsDefault(journey.Stages))
        {
            writer.WriteLine();
            writer.WriteLine(journey.Stages.Count == 0 ? "stages: []" : "stages:");
            foreach (var stage in journey.Stages)
            {
                Item(writer, "id", stage.Id);
                Field(writer, 4, "name", stage.Name);
                Field(writer, 4, "description", stage.Description);
                WriteCanvas(writer, stage.Canvas);
            }
        }

        writer.WriteLine();
        writer.WriteLine(journey.Touchpoints.Count == 0 ? "touchpoints: []" : "touchpoints:");
        foreach (var touchpoint in journey.Touchpoints)
        {
            Item(writer, "id", touchpoint.Id);
            Field(writer, 4, "name", touchpoint.Name);
            Field(writer, 4, "stage", touchpoint.Stage);
            Field(writer, 4, "lane", JourneyKeys.Lanes[(int)touchpoint.Lane]);
            Field(writer, 4, "channel", touchpoint.Channel);
            Field(writer, 4, "owner", touchpoint.Owner);
            Field(writer, 4, "description", touchpoint.Description);
            writer.WriteLine("    match:");
            OneOrList(writer, 6, "activity", touchpoint.Rule.Activities);
            Field(writer, 6, "activity_regex", touchpoint.Rule.ActivityPattern);
            OneOrList(writer, 6, "where", touchpoint.Rule.Conditions);
            WriteCapabilities(writer, touchpoint.Capabilities);
        }

        if (journey.Flow is { } flow)
        {
            writer.WriteLine();
            writer.Write("flow:");
            AfterKey(writer, flow, 0);
        }

        if (journey.Kpis.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("kpis:");
            foreach (var kpi in journey.Kpis)
            {
                Item(writer, "id", kpi.Id);
                Field(writer, 4, "name", kpi.Name);
                Field(writer, 4, "kind", kpi.Kind);
                Field(writer, 4, "target", kpi.Target);
                List(writer, 4, "stages", kpi.Stages);
                List(writer, 4, "touchpoints", kpi.Touchpoints);
                List(writer, 4, "drivers", kpi.Drivers);
                Field(writer, 4, "expression", kpi.Expression);
                foreach (var (key, value) in kpi.Parameters)
                {
                    Field(writer, 4, key, value);
                }
            }
        }

        if (journey.CriticalSuccessFactors.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("critical_success_factors:");
            foreach (var factor in journey.CriticalSuccessFactors)
            {
                Item(writer, "id", factor.Id);
                Field(writer, 4, "name", factor.Name);
                writer.Write("    kpis: ");
                writer.WriteLine(FlowList(factor.Kpis));
                Field(writer, 4, "description", factor.Description);
            }
        }

        if (journey.TimeTargets.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("time_targets:");
            foreach (var target in journey.TimeTargets)
            {
                Item(writer, "id", target.Id);
                Field(writer, 4, "name", target.Name);
                Field(writer, 4, "from", target.From);
                Field(writer, 4, "to", target.To);
                Field(writer, 4, "within", DurationText.Format(target.Within));
                if (target.BusinessHours)
                {
                    writer.WriteLine("    business_hours: true");
                }
            }
        }

        WriteAgenda(writer, journey);
    }

    private static void WriteAgenda(TextWriter writer, DesignedJourney journey)
    {
        static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        if (journey.Value is { } value)
        {
            writer.WriteLine();
            writer.WriteLine("value:");
            Field(writer, 2, "unit", value.Unit);
            writer.WriteLine("  kpis:");
            foreach (var rate in value.Kpis)
            {
                writer.WriteLine($"    - kpi: {Scalar(rate.Kpi)}");
                writer.WriteLine($"      amount: {Number(rate.Amount)}");
                if (rate.Per is { } per)
                {
                    writer.WriteLine($"      per: {DurationText.Format(per)}");
                }
            }
        }

        if (journey.Solutions.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("solutions:");
            foreach (var solution in journey.Solutions)
            {
                Item(writer, "id", solution.Id);
                Field(writer, 4, "name", solution.Name);
                writer.Write("    touchpoints: ");
                writer.WriteLine(FlowList(solution.Touchpoints));
                if (solution.Kinds.Count > 0)
                {
                    writer.Write("    kinds: ");
                    writer.WriteLine(FlowList(solution.Kinds));
                }

                writer.WriteLine($"    effort: {Number(solution.Effort)}");
                if (solution.Cost is { } cost)
                {
                    writer.WriteLine($"    cost: {Number(cost)}");
                }

                writer.WriteLine($"    share: {Number(solution.Share)}");
                writer.WriteLine($"    confidence: {Number(solution.Confidence)}");
                Field(writer, 4, "owner", solution.Owner);
            }
        }

        if (journey.Rules.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("rules:");
            foreach (var rule in journey.Rules)
            {
                Item(writer, "id", rule.Id);
                Field(writer, 4, "name", rule.Name);
                writer.Write("    on: ");
                writer.WriteLine(FlowList(rule.On));
                Field(writer, 4, "where", rule.Where);
                if (rule.Unless.Count > 0)
                {
                    writer.Write("    unless: ");
                    writer.WriteLine(FlowList(rule.Unless));
                }

                if (rule.Within is { } within)
                {
                    writer.WriteLine($"    within: {DurationText.Format(within)}");
                }

                Field(writer, 4, "at", rule.At);
                if (rule.Before > TimeSpan.Zero)
                {
                    writer.WriteLine($"    before: {DurationText.Format(rule.Before)}");
                }

                if (rule.Count > 1)
                {
                    writer.WriteLine($"    count: {rule.Count.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }
    }

    /// <summary>A value as a YAML scalar: plain when that reads back as the same text, double-quoted otherwise.</summary>
    public static string Scalar(string value)
    {
        if (IsPlainSafe(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) ||
            "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal) || value[^1] == ':' ||
            value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c is ',' or '[' or ']' or '{' or '}' or '\\')
            {
                return false;
            }
        }

        // Words other YAML tools read as booleans or null keep their quotes, so the file means the same everywhere.
        return value.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" or "y" or "n");
    }

    private static void Item(TextWriter writer, string key, string value)
    {
        writer.Write("  - ");
        writer.Write(key);
        writer.Write(": ");
        writer.WriteLine(Scalar(value));
    }

    private static void Field(TextWriter writer, int indent, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.Write(new string(' ', indent));
        writer.Write(Scalar(key));
        writer.Write(": ");
        writer.WriteLine(Scalar(value));
    }

    private static void List(TextWriter writer, int indent, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.Write(new string(' ', indent));
        writer.Write(key);
        writer.Write(": ");
        writer.WriteLine(FlowList(values));
    }

    private static void OneOrList(TextWriter writer, int indent, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            Field(writer, indent, key, values[0]);
        }
        else
        {
            List(writer, indent, key, values);
        }
    }

    private static string FlowList(IReadOnlyList<string> values)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < values.Count; i++)
        {
            builder.Append(i > 0 ? ", " : string.Empty).Append(Scalar(values[i]));
        }

        return builder.Append(']').ToString();
    }

    /// <summary>Writes a flow node after <c>key:</c> on the current line: inline for a leaf, nested below otherwise.</summary>
    private static void AfterKey(TextWriter writer, ProcessTree node, int indent)
    {
        if (node.Operator == ProcessTreeOperator.Leaf)
        {
            writer.Write(' ');
            writer.WriteLine(Leaf(node));
            return;
        }

        writer.WriteLine();
        Operator(writer, node, indent + 2, new string(' ', indent + 2));
    }

    private static void Operator(TextWriter writer, ProcessTree node, int indent, string linePrefix)
    {
        writer.Write(linePrefix);
        var children = node.Children;
        var silentSecond = children.Count == 2 && children[1].IsSilent;
        switch (node.Operator)
        {
            case ProcessTreeOperator.ExclusiveChoice when silentSecond:
                writer.Write("optional:");
                AfterKey(writer, children[0], indent);
                return;
            case ProcessTreeOperator.Loop when silentSecond:
                writer.Write("repeat:");
                AfterKey(writer, children[0], indent);
                return;
        }

        writer.WriteLine(node.Operator switch
        {
            ProcessTreeOperator.Sequence => "sequence:",
            ProcessTreeOperator.ExclusiveChoice => "choice:",
            ProcessTreeOperator.Parallel => "parallel:",
            _ => "loop:",
        });
        foreach (var child in children)
        {
            if (child.Operator == ProcessTreeOperator.Leaf)
            {
                writer.Write(new string(' ', indent + 2));
                writer.Write("- ");
                writer.WriteLine(Leaf(child));
            }
            else
            {
                Operator(writer, child, indent + 4, new string(' ', indent + 2) + "- ");
            }
        }
    }

    private static string Leaf(ProcessTree leaf) =>
        leaf.Label is null ? JourneyKeys.Skip
        : string.Equals(leaf.Label, JourneyKeys.Skip, StringComparison.Ordinal) ? "\"" + JourneyKeys.Skip + "\""
        : Scalar(leaf.Label);
}
