using Journeyscope.Journeys;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Journeyscope.IO.Journeys;

/// <summary>Typed access to YAML nodes that reports wrong shapes instead of throwing.</summary>
internal sealed partial class JourneyReader
{
    private void Add(JourneyDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

    private SourceLocation At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>
    /// The mapping's entries by key, reporting unknown keys (when <paramref name="known"/> is given) and missing required
    /// keys. A key whose value is empty counts as missing.
    /// </summary>
    private Dictionary<string, YamlNode> Keys(YamlMappingNode node, string[]? known, string[] required, string context, string what)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Add(JourneyRules.WrongType(At(keyNode.Start), $"a key of {context}", "text", keyNode));
                continue;
            }

            if (known is not null && Array.IndexOf(known, key) < 0)
            {
                Add(JourneyRules.UnknownKey(At(keyNode.Start), key, context, what, known));
                continue;
            }

            keys[key] = value;
        }

        foreach (var key in required)
        {
            if (!keys.TryGetValue(key, out var value) || IsNull(value))
            {
                Add(JourneyRules.MissingKey(At(node.Start), key, context));
            }
        }

        return keys;
    }

    private string RequiredText(Dictionary<string, YamlNode> keys, string key, string context) =>
        OptionalText(keys, key, context) ?? string.Empty;

    private string? OptionalText(Dictionary<string, YamlNode> keys, string key, string context)
    {
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Add(JourneyRules.WrongType(At(node.Start), $"'{key}' of {context}", "text", node));
        return null;
    }

    /// <summary>A list of text values; a single text value is a list of one.</summary>
    private List<string> TextList(Dictionary<string, YamlNode> keys, string key, string context)
    {
        var result = new List<string>();
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return result;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                result.Add(scalar.Value ?? string.Empty);
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } text })
                    {
                        result.Add(text);
                    }
                    else
                    {
                        Add(JourneyRules.WrongType(At(item.Start), $"an item of '{key}' of {context}", "text", item));
                    }
                }

                break;
            default:
                Add(JourneyRules.WrongType(At(node.Start), $"'{key}' of {context}", "text or a list of text", node));
                break;
        }

        return result;
    }

    /// <summary>A list of mappings, each read by <paramref name="read"/> with a context such as <c>touchpoint 'browse'</c>.</summary>
    private List<T> ReadList<T>(Dictionary<string, YamlNode> keys, string key, string kind, Func<YamlMappingNode, string, T> read)
    {
        var result = new List<T>();
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Add(JourneyRules.WrongType(At(node.Start), $"'{key}' of the journey", $"a list of {kind}s", node));
            return result;
        }

        var number = 0;
        foreach (var item in sequence.Children)
        {
            number++;
            if (item is not YamlMappingNode mapping)
            {
                Add(JourneyRules.WrongType(At(item.Start), $"{kind} #{number}", "a mapping of keys (id, name, ...)", item));
                continue;
            }

            result.Add(read(mapping, Describe(kind, mapping, number)));
        }

        return result;
    }

    private static string Describe(string kind, YamlMappingNode node, int number)
    {
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: "id" } && value is YamlScalarNode { Value: { Length: > 0 } id })
            {
                return $"{kind} '{id}'";
            }
        }

        return $"{kind} #{number}";
    }

    /// <summary>Reads a flow node: a touchpoint id, <c>skip</c>, or a mapping with exactly one operator key.</summary>
    private ProcessTree? ReadFlow(YamlNode node)
    {
        var at = At(node.Start);
        switch (node)
        {
            case YamlScalarNode scalar:
                var label = scalar.Value ?? string.Empty;
                if (label.Length == 0)
                {
                    Add(JourneyRules.BadFlowNode(at, "an empty flow node"));
                    return null;
                }

                return string.Equals(label, JourneyKeys.Skip, StringComparison.Ordinal) && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
                    ? ProcessTree.Silent(at)
                    : ProcessTree.Leaf(label, at);
            case YamlSequenceNode:
                Add(JourneyRules.BadFlowNode(at, "a list; write 'sequence:', 'choice:' or 'parallel:' before it"));
                return null;
        }

        var mapping = (YamlMappingNode)node;
        if (mapping.Children.Count != 1)
        {
            Add(JourneyRules.BadFlowNode(at, $"a mapping with {mapping.Children.Count} keys; a flow node has exactly one operator key"));
            return null;
        }

        var (keyNode, value) = mapping.Children.First();
        var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
        switch (key)
        {
            case "sequence":
                return ReadOperator(ProcessTreeOperator.Sequence, key, value, at, exactly: 0);
            case "choice":
                return ReadOperator(ProcessTreeOperator.ExclusiveChoice, key, value, at, exactly: 0);
            case "parallel":
                return ReadOperator(ProcessTreeOperator.Parallel, key, value, at, exactly: 0);
            case "loop":
                return ReadOperator(ProcessTreeOperator.Loop, key, value, at, exactly: 2);
            case "optional":
            case "repeat":
                if (value is YamlSequenceNode)
                {
                    Add(JourneyRules.WrongType(At(value.Start), $"'{key}' in the flow", "one flow node (wrap several in 'sequence:')", value));
                    return null;
                }

                var child = ReadFlow(value);
                return child is null
                    ? null
                    : ProcessTree.Node(
                        key == "optional" ? ProcessTreeOperator.ExclusiveChoice : ProcessTreeOperator.Loop,
                        [child, ProcessTree.Silent(at)],
                        at);
            default:
                Add(JourneyRules.UnknownKey(At(keyNode.Start), key, "the flow", "flow operator", JourneyKeys.FlowOperators));
                return null;
        }
    }

    private ProcessTree? ReadOperator(ProcessTreeOperator kind, string key, YamlNode value, SourceLocation at, int exactly)
    {
        if (value is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Add(JourneyRules.WrongType(At(value.Start), $"'{key}' in the flow", "a list of flow nodes", value));
            return null;
        }

        if (exactly > 0 && sequence.Children.Count != exactly)
        {
            Add(JourneyRules.BadLoop(At(value.Start), sequence.Children.Count));
            return null;
        }

        var children = new List<ProcessTree>(sequence.Children.Count);
        var complete = true;
        foreach (var item in sequence.Children)
        {
            var child = ReadFlow(item);
            if (child is null)
            {
                complete = false;
            }
            else
            {
                children.Add(child);
            }
        }

        return complete ? ProcessTree.Node(kind, children, at) : null;
    }
}
