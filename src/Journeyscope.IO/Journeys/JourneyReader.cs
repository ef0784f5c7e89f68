using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Journeyscope.IO.Journeys;

/// <summary>
/// Turns a YAML document into a <see cref="DesignedJourney"/>, collecting every parse-level problem (JS001 to JS004)
/// with its line and column instead of stopping at the first.
/// </summary>
internal sealed partial class JourneyReader
{
    private readonly string _file;
    private readonly List<JourneyDiagnostic> _diagnostics = [];

    private JourneyReader(string file)
    {
        _file = file;
    }

    public static JourneyReadResult Read(TextReader reader, string file)
    {
        var journeyReader = new JourneyReader(file);
        var journey = journeyReader.ReadDocument(reader);
        return new JourneyReadResult(journey, journeyReader._diagnostics);
    }

    private DesignedJourney? ReadDocument(TextReader reader)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(reader));
        }
        catch (YamlLimitException e)
        {
            Add(JourneyRules.Refused(At(e.Start), e.Reason));
            return null;
        }
        catch (YamlException e)
        {
            Add(JourneyRules.NotYaml(At(e.Start), Reason(e)));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            Add(JourneyRules.EmptyFile(new SourceLocation(_file, 1, 1)));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Add(JourneyRules.SeveralDocuments(At(stream.Documents[1].RootNode.Start), stream.Documents.Count));
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            if (root is YamlScalarNode { Value: null or "" })
            {
                Add(JourneyRules.EmptyFile(new SourceLocation(_file, 1, 1)));
            }
            else
            {
                Add(JourneyRules.WrongType(At(root.Start), "the journey file", "a mapping of keys (journey, name, touchpoints, ...)", root));
            }

            return null;
        }

        return ReadJourney(mapping);
    }

    private DesignedJourney ReadJourney(YamlMappingNode node)
    {
        const string context = "the journey";
        var keys = Keys(node, JourneyKeys.Root, JourneyKeys.RootRequired, context, "key");
        var id = RequiredText(keys, "journey", context);
        if (id.Length > 0 && !IsIdentifier(id))
        {
            Add(JourneyRules.BadJourneyId(At(keys["journey"].Start), id));
        }

        var personas = ReadList(keys, "personas", "persona", ReadPersona);
        IReadOnlyList<Stage> stages = keys.ContainsKey("stages") ? ReadList(keys, "stages", "stage", ReadStage) : DesignedJourney.DefaultStages;
        var touchpoints = ReadList(keys, "touchpoints", "touchpoint", ReadTouchpoint);
        if (keys.TryGetValue("touchpoints", out var touchpointNode) && touchpointNode is YamlSequenceNode { Children.Count: 0 })
        {
            Add(JourneyRules.NoTouchpoints(At(touchpointNode.Start)));
        }

        ProcessTree? flow = null;
        if (keys.TryGetValue("flow", out var flowNode) && !IsNull(flowNode))
        {
            flow = ReadFlow(flowNode);
        }

        return new DesignedJourney(
            id,
            RequiredText(keys, "name", context),
            OptionalText(keys, "owner", context),
            OptionalText(keys, "description", context),
            personas,
            stages,
            touchpoints,
            flow,
            ReadList(keys, "kpis", "KPI", ReadKpi),
            ReadList(keys, "critical_success_factors", "critical success factor", ReadFactor),
            ReadList(keys, "time_targets", "time target", ReadTimeTarget))
        {
            Location = At(node.Start),
            Value = keys.TryGetValue("value", out var valueNode) && !IsNull(valueNode) ? ReadValue(valueNode) : null,
            Solutions = ReadList(keys, "solutions", "solution", ReadSolution),
            Rules = ReadList(keys, "rules", "rule", ReadMonitorRule),
            Customer = ReadCustomer(keys, context),
        };
    }

    /// <summary>
    /// <c>customer:</c>, the case attribute that identifies the customer: a name without spaces (a JS004 otherwise); the
    /// <c>case.</c> prefix of the filter syntax is accepted and dropped.
    /// </summary>
    private JourneyCustomer? ReadCustomer(Dictionary<string, YamlNode> keys, string context)
    {
        if (OptionalText(keys, "customer", context) is not { } text)
        {
            return null;
        }

        var location = At(keys["customer"].Start);
        var name = text.Trim();
        if (name.StartsWith("case.", StringComparison.Ordinal))
        {
            name = name["case.".Length..];
        }

        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            Add(JourneyRules.BadCustomer(location, text));
            return null;
        }

        return new JourneyCustomer(name) { Location = location };
    }

    private Persona ReadPersona(YamlMappingNode node, string context)
    {
        var keys = Keys(node, JourneyKeys.Persona, JourneyKeys.PersonaRequired, context, "key");
        return new Persona(
            RequiredText(keys, "id", context),
            RequiredText(keys, "name", context),
            OptionalText(keys, "description", context),
            OptionalText(keys, "segment", context))
        {
            Location = At(node.Start),
        };
    }

    private Stage ReadStage(YamlMappingNode node, string context)
    {
        var keys = Keys(node, JourneyKeys.Stage, JourneyKeys.StageRequired, context, "key");
        return new Stage(RequiredText(keys, "id", context), RequiredText(keys, "name", context), OptionalText(keys, "description", context))
        {
            Location = At(node.Start),
            Canvas = keys.TryGetValue("canvas", out var canvas) && !IsNull(canvas) ? ReadCanvas(canvas, context) : null,
        };
    }

    private Touchpoint ReadTouchpoint(YamlMappingNode node, string context)
    {
        var keys = Keys(node, JourneyKeys.Touchpoint, JourneyKeys.TouchpointRequired, context, "key");
        var lane = BlueprintLane.CustomerAction;
        var laneText = RequiredText(keys, "lane", context);
        if (laneText.Length > 0)
        {
            var index = Array.IndexOf(JourneyKeys.Lanes, laneText);
            if (index < 0)
            {
                Add(JourneyRules.BadLane(At(keys["lane"].Start), laneText));
            }
            else
            {
                lane = (BlueprintLane)index;
            }
        }

        TouchpointRule rule = new([], null, []);
        if (keys.TryGetValue("match", out var matchNode))
        {
            if (matchNode is YamlMappingNode match)
            {
                rule = ReadRule(match, "the match of " + context);
            }
            else
            {
                Add(JourneyRules.WrongType(At(matchNode.Start), $"'match' of {context}", "a mapping (activity, activity_regex, where)", matchNode));
            }
        }

        return new Touchpoint(
            RequiredText(keys, "id", context),
            RequiredText(keys, "name", context),
            RequiredText(keys, "stage", context),
            lane,
            OptionalText(keys, "channel", context),
            OptionalText(keys, "owner", context),
            rule,
            OptionalText(keys, "description", context))
        {
            Location = At(node.Start),
            Capabilities = ReadCapabilities(keys, context),
        };
    }

    private TouchpointRule ReadRule(YamlMappingNode node, string context)
    {
        var keys = Keys(node, JourneyKeys.Match, [], context, "key");
        var activities = TextList(keys, "activity", context);
        var pattern = OptionalText(keys, "activity_regex", context);
        if (activities.Count == 0 && pattern is null)
        {
            Add(JourneyRules.NoActivity(At(node.Start), context));
        }

        return new TouchpointRule(activities, pattern, TextList(keys, "where", context)) { Location = At(node.Start) };
    }

    private JourneyKpi ReadKpi(YamlMappingNode node, string context)
    {
        var keys = Keys(node, null, JourneyKeys.KpiRequired, context, "key");
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in keys)
        {
            if (Array.IndexOf(JourneyKeys.Kpi, key) >= 0)
            {
                continue;
            }

            if (value is YamlScalarNode scalar)
            {
                parameters[key] = scalar.Value ?? string.Empty;
            }
            else
            {
                Add(JourneyRules.WrongType(At(value.Start), $"'{key}' of {context}", "text (a parameter of the KPI's kind)", value));
            }
        }

        return new JourneyKpi(
            RequiredText(keys, "id", context),
            RequiredText(keys, "name", context),
            RequiredText(keys, "kind", context),
            OptionalText(keys, "target", context),
            TextList(keys, "stages", context),
            TextList(keys, "touchpoints", context),
            parameters,
            OptionalText(keys, "expression", context),
            TextList(keys, "drivers", context))
        {
            Location = At(node.Start),
            ExpressionLocation = keys.TryGetValue("expression", out var expression) ? ExpressionStart(expression) : SourceLocation.None,
        };
    }

    /// <summary>
    /// Where the expression's first character is, when its characters map one to one onto columns of one line: a plain or
    /// quoted scalar on one line whose text is as long as what was written (no escapes, no doubled quotes).
    /// </summary>
    private SourceLocation ExpressionStart(YamlNode node)
    {
        if (node is not YamlScalarNode { Value: { } value } scalar || scalar.Start.Line != scalar.End.Line)
        {
            return SourceLocation.None;
        }

        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) ||
            scalar.End.Column - scalar.Start.Column != value.Length + (quoted ? 2 : 0))
        {
            return SourceLocation.None;
        }

        var start = At(scalar.Start);
        return quoted ? start with { Column = start.Column + 1 } : start;
    }

    private CriticalSuccessFactor ReadFactor(YamlMappingNode node, string context)
    {
        var keys = Keys(node, JourneyKeys.CriticalSuccessFactor, JourneyKeys.CriticalSuccessFactorRequired, context, "key");
        return new CriticalSuccessFactor(
            RequiredText(keys, "id", context),
            RequiredText(keys, "name", context),
            TextList(keys, "kpis", context),
            OptionalText(keys, "description", context))
        {
            Location = At(node.Start),
        };
    }

    private TimeTarget ReadTimeTarget(YamlMappingNode node, string context)
    {
        var keys = Keys(node, JourneyKeys.TimeTarget, JourneyKeys.TimeTargetRequired, context, "key");
        var within = TimeSpan.Zero;
        var withinText = RequiredText(keys, "within", context);
        if (withinText.Length > 0 && !DurationText.TryParse(withinText, out within))
        {
            Add(JourneyRules.BadDuration(At(keys["within"].Start), withinText));
        }

        var businessHours = false;
        var flag = OptionalText(keys, "business_hours", context);
        if (flag is not null && !bool.TryParse(flag, out businessHours))
        {
            Add(JourneyRules.BadBoolean(At(keys["business_hours"].Start), flag));
        }

        return new TimeTarget(
            RequiredText(keys, "id", context),
            RequiredText(keys, "name", context),
            RequiredText(keys, "from", context),
            RequiredText(keys, "to", context),
            within,
            businessHours)
        {
            Location = At(node.Start),
        };
    }

    private static bool IsIdentifier(string id)
    {
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Reason(YamlException e)
    {
        // YamlDotNet prefixes the message with "(Line: .., Col: .., Idx: ..) - (Line: ..): "; the location is reported separately.
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        var reason = cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
        return reason.TrimEnd('.');
    }
}
