using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Journeyscope.IO.Journeys;

/// <summary>
/// Edits a journey file's text in place: only the edited values change, so comments, key order, quoting style and
/// everything else of the file stay as the author wrote them.
/// </summary>
/// <remarks>
/// The file is read as a YAML event stream (bounded as the reader is); the touchpoint's mapping under the top-level
/// <c>touchpoints:</c> is found by its <c>id</c>, and each edited value is replaced where it stands. A key the touchpoint
/// lacks is added on its own line after the line of <c>id</c> (in a flow mapping <c>{ … }</c>, before the closing brace).
/// An empty channel removes a block-style <c>channel:</c> line. The result is not validated here: callers validate it
/// before saving (the API does, and refuses an invalid result).
/// </remarks>
public static class JourneyYamlEditor
{
    private static readonly string[] Keys = ["name", "stage", "lane", "channel"];

    /// <summary>Returns <paramref name="yaml"/> with the touchpoint <paramref name="touchpointId"/> changed as <paramref name="edit"/> says.</summary>
    /// <exception cref="JourneyEditException">The file has no such touchpoint, cannot be read, or a field to change is not a plain value.</exception>
    public static string EditTouchpoint(string yaml, string touchpointId, TouchpointEdit edit)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(touchpointId);
        ArgumentNullException.ThrowIfNull(edit);
        var item = Find(yaml, touchpointId)
            ?? throw new JourneyEditException($"The journey has no touchpoint '{touchpointId}' under 'touchpoints:'.");

        var changes = new List<(int Start, int End, string Text)>();
        foreach (var key in Keys)
        {
            var value = key switch
            {
                "name" => edit.Name,
                "stage" => edit.Stage,
                "lane" => edit.Lane,
                _ => edit.Channel,
            };
            if (value is null)
            {
                continue;
            }

            if (value.Length == 0 && key != "channel")
            {
                throw new JourneyEditException($"The touchpoint's {key} cannot be empty.");
            }

            changes.AddRange(Change(yaml, item, key, value));
        }

        var text = new StringBuilder(yaml);
        foreach (var (start, end, replacement) in changes.OrderByDescending(c => c.Start))
        {
            text.Remove(start, end - start).Insert(start, replacement);
        }

        return text.ToString();
    }

    private static IEnumerable<(int Start, int End, string Text)> Change(string yaml, Item item, string key, string value)
    {
        if (item.Fields.TryGetValue(key, out var field))
        {
            if (!field.IsScalar)
            {
                throw new JourneyEditException($"The touchpoint's '{key}' is not a plain value; edit the YAML text instead.");
            }

            if (value.Length > 0)
            {
                return [(field.ValueStart, field.ValueEnd, JourneyWriter.Scalar(value))];
            }

            if (item.Flow)
            {
                throw new JourneyEditException("A channel in a flow mapping ({ … }) cannot be removed here; edit the YAML text instead.");
            }

            // Remove the whole 'channel:' line, its comment included.
            var lineStart = yaml.LastIndexOf('\n', Math.Max(field.KeyStart - 1, 0)) + 1;
            var lineEnd = yaml.IndexOf('\n', field.ValueEnd);
            return [(lineStart, lineEnd < 0 ? yaml.Length : lineEnd + 1, string.Empty)];
        }

        if (value.Length == 0)
        {
            return [];
        }

        if (item.Flow)
        {
            return [(item.End, item.End, $", {key}: {JourneyWriter.Scalar(value)} ")];
        }

        var id = item.Fields["id"];
        var newline = yaml.IndexOf('\n', id.ValueEnd);
        var at = newline < 0 ? yaml.Length : newline > 0 && yaml[newline - 1] == '\r' ? newline - 1 : newline;
        var eol = newline > 0 && yaml[newline - 1] == '\r' ? "\r\n" : "\n";
        return [(at, at, eol + new string(' ', item.KeyColumn) + key + ": " + JourneyWriter.Scalar(value))];
    }

    /// <summary>The touchpoint's mapping in the text, or null when there is none with that id.</summary>
    private static Item? Find(string yaml, string touchpointId)
    {
        var stack = new List<Frame>();
        Item? current = null;
        try
        {
            var parser = new BoundedYamlParser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case Scalar scalar when stack.Count > 0 && stack[^1] is { IsMap: true, AtKey: true } keyFrame:
                        keyFrame.Key = scalar.Value;
                        keyFrame.KeyStart = (int)scalar.Start.Index;
                        keyFrame.AtKey = false;
                        if (keyFrame.Role == Role.Touchpoint && current is not null && current.KeyColumn < 0)
                        {
                            current.KeyColumn = (int)scalar.Start.Column - 1;
                        }

                        break;
                    case Scalar scalar when stack.Count > 0 && stack[^1].IsMap:
                        var frame = stack[^1];
                        if (frame.Role == Role.Touchpoint && current is not null && frame.Key is { } key)
                        {
                            current.Fields[key] = new Field(frame.KeyStart, (int)scalar.Start.Index, (int)scalar.End.Index, true, scalar.Value);
                        }

                        frame.AtKey = true;
                        break;
                    case AnchorAlias when stack.Count > 0 && stack[^1].IsMap:
                        stack[^1].AtKey = true;
                        break;
                    case NodeEvent start and (MappingStart or SequenceStart):
                        var role = RoleOf(stack, start is SequenceStart);
                        if (stack.Count > 0 && stack[^1].IsMap)
                        {
                            var parent = stack[^1];
                            if (parent.Role == Role.Touchpoint && current is not null && parent.Key is { } nested)
                            {
                                current.Fields[nested] = new Field(parent.KeyStart, (int)start.Start.Index, (int)start.End.Index, false, null);
                            }

                            parent.AtKey = true;
                        }

                        if (role == Role.Touchpoint)
                        {
                            current = new Item { Flow = start is MappingStart { Style: MappingStyle.Flow } };
                        }

                        stack.Add(new Frame { IsMap = start is MappingStart, Role = role });
                        break;
                    case MappingEnd end when stack.Count > 0 && stack[^1].Role == Role.Touchpoint:
                        stack.RemoveAt(stack.Count - 1);
                        if (current is not null && current.Fields.TryGetValue("id", out var id) && id.Value == touchpointId)
                        {
                            current.End = (int)end.Start.Index;
                            return current;
                        }

                        current = null;
                        break;
                    case MappingEnd or SequenceEnd when stack.Count > 0:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            throw new JourneyEditException($"The journey file cannot be read as YAML: {e.Message}", e);
        }

        return null;
    }

    private static Role RoleOf(List<Frame> stack, bool isSequence)
    {
        if (stack.Count == 0)
        {
            return isSequence ? Role.Other : Role.Root;
        }

        var parent = stack[^1];
        return parent switch
        {
            { Role: Role.Root, IsMap: true, Key: "touchpoints" } when isSequence => Role.Touchpoints,
            { Role: Role.Touchpoints } when !isSequence => Role.Touchpoint,
            _ => Role.Other,
        };
    }

    private enum Role
    {
        Root,
        Touchpoints,
        Touchpoint,
        Other,
    }

    private sealed class Frame
    {
        public bool IsMap { get; init; }

        public Role Role { get; init; }

        public bool AtKey { get; set; } = true;

        public string? Key { get; set; }

        public int KeyStart { get; set; }
    }

    /// <summary>Where a touchpoint's key and value stand in the text.</summary>
    private readonly record struct Field(int KeyStart, int ValueStart, int ValueEnd, bool IsScalar, string? Value);

    private sealed class Item
    {
        public Dictionary<string, Field> Fields { get; } = new(StringComparer.Ordinal);

        public bool Flow { get; init; }

        public int KeyColumn { get; set; } = -1;

        public int End { get; set; }
    }
}
