using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

internal sealed partial class XesReader
{
    private static readonly JsonWriterOptions NestedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    /// <summary>Deepest nesting of lists and containers inside one attribute; deeper files stop with an <see cref="ImportException"/>.</summary>
    private const int MaxNestingDepth = 64;

    private int _unnamedTraces;
    private int _firstUnnamedTraceLine;
    private int _mergedTraces;

    /// <summary>Reads the attribute element under the reader (and its children) and leaves the reader after it.</summary>
    /// <returns>False when the element has no key (it is skipped with a warning).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadAttribute(XesType type, out PendingAttribute attribute)
    {
        var line = Line;
        XesKey? key = null;
        var textStart = _charCount;
        var textLength = -1;
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                var name = _reader.LocalName;
                if (ReferenceEquals(name, _keyAtom))
                {
                    key = LookupKey();
                }
                else if (ReferenceEquals(name, _valueAtom))
                {
                    textStart = _charCount;
                    textLength = ReadValueInto(ref _chars, _charCount);
                    _charCount += textLength;
                }
            }
            while (_reader.MoveToNextAttribute());
            _reader.MoveToElement();
        }

        if (textLength < 0)
        {
            textStart = _charCount;
            textLength = 0;
        }

        if (!_reader.IsEmptyElement || type is XesType.List or XesType.Container)
        {
            ReadComplex(ref type, key, ref textStart, ref textLength);
        }
        else
        {
            _reader.Read();
        }

        if (key is null)
        {
            _session.Warn($"an attribute <{TypeName(type)}> without a key was skipped (line {line})");
            attribute = default;
            return false;
        }

        attribute = new PendingAttribute { Key = key, Type = type, TextStart = textStart, TextLength = textLength };
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XesKey LookupKey()
    {
        var length = ReadValueInto(ref _keyChars, 0);
        var span = _keyChars.AsSpan(0, length);
        if (!_keyLookup.TryGetValue(span, out var key))
        {
            var name = span.ToString();
            key = XesKey.Create(name);
            _keys.Add(name, key);
        }

        return key;
    }

    /// <summary>Copies the value of the XML attribute under the reader into <paramref name="buffer"/> at <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadValueInto(ref char[] buffer, int start)
    {
        var max = _session.Options.MaxRecordLength;
        if (!_reader.CanReadValueChunk)
        {
            var value = _reader.Value;
            CheckLength(value.Length, max);
            EnsureCapacity(ref buffer, start + value.Length);
            value.CopyTo(buffer.AsSpan(start));
            return value.Length;
        }

        var length = 0;
        while (true)
        {
            EnsureCapacity(ref buffer, start + length + 256);
            var read = _reader.ReadValueChunk(buffer, start + length, buffer.Length - start - length);
            if (read == 0)
            {
                return length;
            }

            length += read;
            CheckLength(length, max);
        }
    }

    private void CheckLength(int length, int max)
    {
        if (length > max)
        {
            throw _session.Fatal(Line, _counter.BytesRead, null, $"an attribute value is longer than {max} characters (ImportOptions.MaxRecordLength)");
        }
    }

    private static void EnsureCapacity(ref char[] buffer, int needed)
    {
        if (needed > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        }
    }

    private int AppendText(string text)
    {
        EnsureCapacity(ref _chars, _charCount + text.Length);
        var start = _charCount;
        text.CopyTo(_chars.AsSpan(start));
        _charCount += text.Length;
        return start;
    }

    /// <summary>The cold path: an attribute with child elements, a list or a container. Keeps it as JSON text.</summary>
    private void ReadComplex(ref XesType type, XesKey? key, ref int textStart, ref int textLength)
    {
        var ownValue = textLength > 0 || type is not (XesType.List or XesType.Container) ? Text(textStart, textLength) : null;
        List<XesNestedNode> children;
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            children = [];
        }
        else
        {
            children = ReadChildNodes(key?.Name ?? "(no key)");
        }

        if (children.Count == 0 && type is not (XesType.List or XesType.Container))
        {
            return;
        }

        var keyName = key?.Name ?? "(no key)";
        if (key is not null && key.Role != XesKeyRole.Other)
        {
            _session.Warn($"nested attributes under '{keyName}' were ignored: only its own value is used");
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, NestedJson))
        {
            WriteNode(json, new XesNestedNode(TypeName(type), null, ownValue, children));
        }

        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        _charCount = textStart;
        textStart = AppendText(text);
        textLength = text.Length;
        type = XesType.String;
        _session.Warn($"nested attribute '{keyName}' kept as text (JSON of its value and children)");
    }

    /// <summary>Reads the children of the current element into a tree, iteratively, refusing nesting deeper than <see cref="MaxNestingDepth"/>.</summary>
    private List<XesNestedNode> ReadChildNodes(string keyName)
    {
        var root = new List<XesNestedNode>();
        var open = new Stack<(int Depth, List<XesNestedNode> Children)>();
        open.Push((_reader.Depth, root));
        _reader.Read();
        while (open.Count > 0)
        {
            var (depth, children) = open.Peek();
            var nodeType = _reader.NodeType;
            if (nodeType == XmlNodeType.None)
            {
                return root;
            }

            if (nodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                _reader.Read();
                open.Pop();
                continue;
            }

            if (nodeType != XmlNodeType.Element)
            {
                _reader.Read();
                continue;
            }

            var empty = _reader.IsEmptyElement;
            var target = children;
            if (!ReferenceEquals(_reader.LocalName, _valuesAtom))
            {
                var node = new XesNestedNode(_reader.LocalName, _reader.GetAttribute("key"), _reader.GetAttribute("value"), []);
                children.Add(node);
                target = node.Children;
            }

            if (!empty)
            {
                // <values> adds its children to the list itself, so it opens a level without a node of its own.
                if (open.Count >= MaxNestingDepth)
                {
                    throw _session.Fatal(Line, _counter.BytesRead, keyName,
                        $"nested attributes (lists, containers) deeper than {MaxNestingDepth} levels are not supported");
                }

                open.Push((_reader.Depth, target));
            }

            _reader.Read();
        }

        return root;
    }

    /// <summary>Writes a nested attribute tree as JSON, iteratively (the tree is at most <see cref="MaxNestingDepth"/> deep).</summary>
    private static void WriteNode(Utf8JsonWriter json, XesNestedNode root)
    {
        var open = new Stack<(XesNestedNode Node, int Next)>();
        WriteStart(json, root);
        open.Push((root, 0));
        while (open.Count > 0)
        {
            var (node, next) = open.Pop();
            if (next < node.Children.Count)
            {
                open.Push((node, next + 1));
                var child = node.Children[next];
                WriteStart(json, child);
                open.Push((child, 0));
                continue;
            }

            if (node.Children.Count > 0)
            {
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }
    }

    private static void WriteStart(Utf8JsonWriter json, XesNestedNode node)
    {
        json.WriteStartObject();
        if (node.Key is not null)
        {
            json.WriteString("key", node.Key);
        }

        json.WriteString("type", node.Type);
        if (node.Value is not null)
        {
            json.WriteString("value", node.Value);
        }

        if (node.Children.Count > 0)
        {
            json.WriteStartArray("children");
        }
    }

    private static string TypeName(XesType type) => type switch
    {
        XesType.String => "string",
        XesType.Date => "date",
        XesType.Int => "int",
        XesType.Float => "float",
        XesType.Boolean => "boolean",
        XesType.Id => "id",
        XesType.List => "list",
        _ => "container",
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyToEvent(ref PendingEvent pending, in PendingAttribute attribute)
    {
        attribute.Key.EventStamp = _eventSerial;
        switch (attribute.Key.Role)
        {
            case XesKeyRole.Name:
                pending.NameStart = attribute.TextStart;
                pending.NameLength = attribute.TextLength;
                return;
            case XesKeyRole.Timestamp:
                pending.TimeStart = attribute.TextStart;
                pending.TimeLength = attribute.TextLength;
                pending.HasTime = XesTimestamp.TryParse(Span(attribute.TextStart, attribute.TextLength), out pending.Ticks, out pending.Offset);
                return;
            case XesKeyRole.Lifecycle:
                pending.LifecycleStart = attribute.TextStart;
                pending.LifecycleLength = attribute.TextLength;
                return;
            case XesKeyRole.Resource:
                pending.ResourceStart = attribute.TextStart;
                pending.ResourceLength = attribute.TextLength;
                return;
            case XesKeyRole.Channel:
                pending.ChannelStart = attribute.TextStart;
                pending.ChannelLength = attribute.TextLength;
                return;
            case XesKeyRole.Start when attribute.Type == XesType.Date &&
                XesTimestamp.TryParse(Span(attribute.TextStart, attribute.TextLength), out var ticks, out var offset):
                pending.HasStart = true;
                pending.StartTicks = ticks;
                pending.StartOffset = offset;
                return;
            default:
                if (_attributeCount == _attributes.Length)
                {
                    Array.Resize(ref _attributes, _attributes.Length * 2);
                }

                _attributes[_attributeCount++] = attribute;
                return;
        }
    }

    /// <summary>Fills keys the event lacks from <c>&lt;global scope="event"&gt;</c>, except concept:name and time:timestamp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyEventGlobals(ref PendingEvent pending)
    {
        foreach (var global in _eventGlobals)
        {
            var key = global.Key;
            if (key.EventStamp == _eventSerial || key.Role is XesKeyRole.Name or XesKeyRole.Timestamp)
            {
                continue;
            }

            var start = AppendText(global.Text);
            ApplyToEvent(ref pending, new PendingAttribute { Key = key, Type = global.Type, TextStart = start, TextLength = global.Text.Length });
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FlushTrace(int line, int nameStart, int nameLength, int eventsSeen, int emitted, int casesBefore)
    {
        if (eventsSeen == 0)
        {
            _emptyTraces++;
            return;
        }

        ReadOnlySpan<char> caseId;
        if (nameLength < 0)
        {
            var generated = string.Create(CultureInfo.InvariantCulture, $"trace-{_traceSerial}");
            caseId = generated;
            if (_unnamedTraces++ == 0)
            {
                _firstUnnamedTraceLine = line;
            }

            _session.Warn($"traces without concept:name got generated case ids trace-<n> (n = the trace's position in the file); the first is at line {_firstUnnamedTraceLine}");
        }
        else
        {
            caseId = Span(nameStart, nameLength);
        }

        for (var i = 0; i < _eventCount; i++)
        {
            emitted += EmitEvent(caseId, ref _events[i]);
        }

        if (emitted > 0 && _builder.CaseCount == casesBefore && _mergedTraces++ == 0)
        {
            _session.Warn($"several traces share a concept:name; their events were merged into one case (first: '{caseId}' at line {line})");
        }

        for (var a = 0; a < _traceAttributeCount; a++)
        {
            SetCaseAttribute(caseId, _traceAttributes[a]);
        }

        foreach (var global in _traceGlobals)
        {
            if (global.Key.TraceStamp != _traceSerial && global.Key.Role != XesKeyRole.Name)
            {
                var start = AppendText(global.Text);
                SetCaseAttribute(caseId, new PendingAttribute { Key = global.Key, Type = global.Type, TextStart = start, TextLength = global.Text.Length });
            }
        }
    }

    /// <summary>Adds a pending event to the builder; returns 0 for a rejected event, 1 otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int EmitEvent(ReadOnlySpan<char> caseId, ref PendingEvent pending)
    {
        if (pending.Rejected)
        {
            return 0;
        }

        var ev = _builder.AddEvent(caseId, Span(pending.NameStart, pending.NameLength), pending.Ticks, pending.Offset);
        if (pending.LifecycleLength >= 0)
        {
            _builder.SetLifecycle(ev, Span(pending.LifecycleStart, pending.LifecycleLength));
        }

        if (pending.ResourceLength >= 0)
        {
            _builder.SetResource(ev, Span(pending.ResourceStart, pending.ResourceLength));
        }

        if (pending.ChannelLength >= 0)
        {
            _builder.SetChannel(ev, Span(pending.ChannelStart, pending.ChannelLength));
        }

        if (pending.HasStart)
        {
            _builder.SetStartTimestamp(ev, pending.StartTicks, pending.StartOffset);
        }

        var end = pending.AttributeStart + pending.AttributeCount;
        for (var a = pending.AttributeStart; a < end; a++)
        {
            SetEventAttribute(ev, _attributes[a]);
        }

        return 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetEventAttribute(int ev, in PendingAttribute attribute)
    {
        var key = attribute.Key;
        var converted = TryConvert(attribute, out var value);
        var type = converted ? value.Type : AttributeType.String;
        if (key.EventHandle < 0)
        {
            key.EventHandle = _builder.GetEventAttributeHandle(key.AttributeName, type);
            key.EventType = type;
        }
        else if (type != key.EventType)
        {
            key.EventType = Widen(key.EventType, type);
        }

        // Values are converted to the column's (widened) type here, so the builder widens a column at most once.
        if (key.EventType == AttributeType.String)
        {
            _builder.SetEventAttribute(ev, key.EventHandle, Span(attribute.TextStart, attribute.TextLength));
        }
        else
        {
            _builder.SetEventAttribute(ev, key.EventHandle, ToColumnType(value, key.EventType));
        }
    }

    private void SetCaseAttribute(ReadOnlySpan<char> caseId, in PendingAttribute attribute)
    {
        var key = attribute.Key;
        var converted = TryConvert(attribute, out var value);
        var type = converted ? value.Type : AttributeType.String;
        if (key.CaseHandle < 0)
        {
            key.CaseHandle = _builder.GetCaseAttributeHandle(key.Name, type);
            key.CaseType = type;
        }
        else if (type != key.CaseType)
        {
            key.CaseType = Widen(key.CaseType, type);
        }

        value = key.CaseType == AttributeType.String
            ? AttributeValue.FromString(Text(attribute.TextStart, attribute.TextLength))
            : ToColumnType(value, key.CaseType);
        _builder.SetCaseAttribute(caseId, key.CaseHandle, value);
    }

    /// <summary>The builder's widening rule: long and double make double, any other mix makes string.</summary>
    private static AttributeType Widen(AttributeType column, AttributeType value) =>
        (column, value) is (AttributeType.Long, AttributeType.Double) or (AttributeType.Double, AttributeType.Long)
            ? AttributeType.Double
            : AttributeType.String;

    private static AttributeValue ToColumnType(AttributeValue value, AttributeType columnType) =>
        columnType == AttributeType.Double && value.Type == AttributeType.Long ? AttributeValue.FromDouble(value.AsLong()) : value;

    /// <summary>Parses a typed value; false means "use the text" (strings, ids, and values that do not parse, with a warning).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryConvert(in PendingAttribute attribute, out AttributeValue value)
    {
        var text = Span(attribute.TextStart, attribute.TextLength);
        switch (attribute.Type)
        {
            case XesType.Date when XesTimestamp.TryParse(text, out var ticks, out var offset):
                value = AttributeValue.FromTimestamp(ticks, offset);
                return true;
            case XesType.Int when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                value = AttributeValue.FromLong(number);
                return true;
            case XesType.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) || TryParseSpecial(text, out real):
                value = AttributeValue.FromDouble(real);
                return true;
            case XesType.Boolean when TryParseBoolean(text, out var flag):
                value = AttributeValue.FromBoolean(flag);
                return true;
            case XesType.Date or XesType.Int or XesType.Float or XesType.Boolean when !attribute.Key.BadValueWarned:
                attribute.Key.BadValueWarned = true;
                _session.Warn($"attribute '{attribute.Key.Name}' has {TypeName(attribute.Type)} values that do not parse (for example '{text}'); they are kept as text");
                break;
        }

        value = default;
        return false;
    }

    /// <summary>The xs:double names .NET does not read: INF, +INF and -INF (NaN it reads already).</summary>
    private static bool TryParseSpecial(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        value = text switch
        {
            "INF" or "+INF" => double.PositiveInfinity,
            "-INF" => double.NegativeInfinity,
            _ => 0,
        };
        return value != 0;
    }

    private static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("1"))
        {
            value = true;
            return true;
        }

        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("0");
    }
}
