using System.Runtime.CompilerServices;
using System.Xml;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>
/// Streams one XES document into an <see cref="EventLogBuilder"/>. Holds at most one trace in memory: attribute
/// texts go to a reusable character arena, events wait there until the trace's case id is known.
/// </summary>
internal sealed partial class XesReader
{
    private readonly XmlReader _reader;
    private readonly IXmlLineInfo? _lineInfo;
    private readonly ImportSession _session;
    private readonly CountingStream _counter;
    private readonly CancellationToken _cancellationToken;
    private readonly EventLogBuilder _builder = new(64 * 1024);
    private readonly Dictionary<string, XesKey> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, XesKey>.AlternateLookup<ReadOnlySpan<char>> _keyLookup;
    private readonly List<XesGlobal> _eventGlobals = [];
    private readonly List<XesGlobal> _traceGlobals = [];
    private readonly List<string> _logAttributeKeys = [];
    private readonly string _logAtom;
    private readonly string _traceAtom;
    private readonly string _eventAtom;
    private readonly string _globalAtom;
    private readonly string _stringAtom;
    private readonly string _dateAtom;
    private readonly string _intAtom;
    private readonly string _floatAtom;
    private readonly string _booleanAtom;
    private readonly string _idAtom;
    private readonly string _listAtom;
    private readonly string _containerAtom;
    private readonly string _valuesAtom;
    private readonly string _keyAtom;
    private readonly string _valueAtom;
    private readonly string _scopeAtom;
    private char[] _chars = new char[64 * 1024];
    private int _charCount;
    private char[] _keyChars = new char[256];
    private PendingEvent[] _events = new PendingEvent[64];
    private int _eventCount;
    private PendingAttribute[] _attributes = new PendingAttribute[256];
    private int _attributeCount;
    private PendingAttribute[] _traceAttributes = new PendingAttribute[16];
    private int _traceAttributeCount;
    private long _eventSerial;
    private long _traceSerial;
    private int _emptyTraces;

    public XesReader(XmlReader reader, ImportSession session, CountingStream counter, CancellationToken cancellationToken)
    {
        _reader = reader;
        _lineInfo = reader as IXmlLineInfo;
        _session = session;
        _counter = counter;
        _cancellationToken = cancellationToken;
        _keyLookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = reader.NameTable;
        _logAtom = names.Add("log");
        _traceAtom = names.Add("trace");
        _eventAtom = names.Add("event");
        _globalAtom = names.Add("global");
        _stringAtom = names.Add("string");
        _dateAtom = names.Add("date");
        _intAtom = names.Add("int");
        _floatAtom = names.Add("float");
        _booleanAtom = names.Add("boolean");
        _idAtom = names.Add("id");
        _listAtom = names.Add("list");
        _containerAtom = names.Add("container");
        _valuesAtom = names.Add("values");
        _keyAtom = names.Add("key");
        _valueAtom = names.Add("value");
        _scopeAtom = names.Add("scope");
    }

    /// <summary>Whether the root element has been reached (errors before it mean "not XES").</summary>
    public bool ReachedRoot { get; private set; }

    private int Line => _lineInfo?.LineNumber ?? 0;

    /// <summary>Reads the document (positioned before its first node) and builds the log.</summary>
    public EventLog Read()
    {
        if (_reader.MoveToContent() != XmlNodeType.Element || !ReferenceEquals(_reader.LocalName, _logAtom))
        {
            var found = _reader.NodeType == XmlNodeType.Element ? $"<{_reader.Name}>" : "no element";
            throw _session.Fatal(Line, _counter.BytesRead, null, $"not an XES file: the root element is {found}, expected <log>");
        }

        ReachedRoot = true;
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
        }
        else
        {
            _reader.Read();
            ReadLogChildren();
        }

        if (_logAttributeKeys.Count > 0)
        {
            _session.Warn($"{_logAttributeKeys.Count} log-level attribute(s) not imported (an event log keeps event and case attributes only): " +
                string.Join(", ", _logAttributeKeys.Take(10)) + (_logAttributeKeys.Count > 10 ? ", ..." : string.Empty));
        }

        if (_emptyTraces > 0)
        {
            _session.Warn($"{_emptyTraces} trace(s) without events: a case needs at least one event, so they are not in the log");
        }

        return _builder.Build();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadLogChildren()
    {
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    var name = _reader.LocalName;
                    if (ReferenceEquals(name, _traceAtom))
                    {
                        ReadTrace();
                    }
                    else if (ReferenceEquals(name, _globalAtom))
                    {
                        ReadGlobal();
                    }
                    else if (ReferenceEquals(name, _eventAtom))
                    {
                        ResetTrace();
                        ReadEvent(insideTrace: false);
                        ResetTrace();
                    }
                    else
                    {
                        if (TypeOf(name) != XesType.None && _reader.GetAttribute("key") is { } key)
                        {
                            _logAttributeKeys.Add(key);
                        }

                        // extension, classifier and log-level attributes
                        _reader.Skip();
                    }

                    break;
                case XmlNodeType.EndElement:
                case XmlNodeType.None:
                    return;
                default:
                    _reader.Read();
                    break;
            }
        }
    }

    private void ReadGlobal()
    {
        var scope = _reader.GetAttribute("scope");
        var isTrace = string.Equals(scope, "trace", StringComparison.Ordinal);
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return;
        }

        _reader.Read();
        while (true)
        {
            var nodeType = _reader.NodeType;
            if (nodeType == XmlNodeType.Element)
            {
                var type = TypeOf(_reader.LocalName);
                _charCount = 0;
                if (type == XesType.None || !ReadAttribute(type, out var attribute))
                {
                    if (type == XesType.None)
                    {
                        _reader.Skip();
                    }

                    continue;
                }

                var global = new XesGlobal(attribute.Key, attribute.Type, new string(_chars, attribute.TextStart, attribute.TextLength));
                (isTrace ? _traceGlobals : _eventGlobals).Add(global);
            }
            else if (nodeType is XmlNodeType.EndElement or XmlNodeType.None)
            {
                _reader.Read();
                break;
            }
            else
            {
                _reader.Read();
            }
        }

        _charCount = 0;
    }

    private void ResetTrace()
    {
        _charCount = 0;
        _eventCount = 0;
        _attributeCount = 0;
        _traceAttributeCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadTrace()
    {
        ResetTrace();
        _traceSerial++;
        var line = Line;
        var nameStart = 0;
        var nameLength = -1;
        var eventsSeen = 0;
        var emitted = 0;
        var casesBefore = _builder.CaseCount;
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
        }
        else
        {
            _reader.Read();
            while (true)
            {
                var nodeType = _reader.NodeType;
                if (nodeType == XmlNodeType.Element)
                {
                    var name = _reader.LocalName;
                    if (ReferenceEquals(name, _eventAtom))
                    {
                        var mark = _charCount;
                        ReadEvent(insideTrace: true);
                        eventsSeen++;
                        if (nameLength >= 0 && _eventCount == 1)
                        {
                            // The case id is known and nothing waits before this event: add it now and free its
                            // arena space, so a trace of any length needs memory for one event only.
                            emitted += EmitEvent(Span(nameStart, nameLength), ref _events[0]);
                            _eventCount = 0;
                            _attributeCount = 0;
                            _charCount = mark;
                        }

                        continue;
                    }

                    var type = TypeOf(name);
                    if (type == XesType.None)
                    {
                        _session.Warn($"element <{_reader.Name}> inside a trace is not part of XES and was skipped");
                        _reader.Skip();
                        continue;
                    }

                    if (!ReadAttribute(type, out var attribute))
                    {
                        continue;
                    }

                    attribute.Key.TraceStamp = _traceSerial;
                    if (attribute.Key.Role == XesKeyRole.Name)
                    {
                        nameStart = attribute.TextStart;
                        nameLength = attribute.TextLength;
                    }
                    else
                    {
                        if (_traceAttributeCount == _traceAttributes.Length)
                        {
                            Array.Resize(ref _traceAttributes, _traceAttributes.Length * 2);
                        }

                        _traceAttributes[_traceAttributeCount++] = attribute;
                    }
                }
                else if (nodeType is XmlNodeType.EndElement or XmlNodeType.None)
                {
                    _reader.Read();
                    break;
                }
                else
                {
                    _reader.Read();
                }
            }
        }

        FlushTrace(line, nameStart, nameLength, eventsSeen, emitted, casesBefore);
        if ((_traceSerial & 255) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        _session.Report(_counter.BytesRead);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadEvent(bool insideTrace)
    {
        if ((++_eventSerial & 4095) == 0)
        {
            // Also per chunk of events, so a log made of one huge trace still reports and can be cancelled.
            _cancellationToken.ThrowIfCancellationRequested();
            _session.Report(_counter.BytesRead);
        }
        if (_eventCount == _events.Length)
        {
            Array.Resize(ref _events, _events.Length * 2);
        }

        var index = _eventCount++;
        _events[index] = PendingEvent.Create(Line, _attributeCount);
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
        }
        else
        {
            _reader.Read();
            while (true)
            {
                var nodeType = _reader.NodeType;
                if (nodeType == XmlNodeType.Element)
                {
                    var type = TypeOf(_reader.LocalName);
                    if (type == XesType.None)
                    {
                        _session.Warn($"element <{_reader.Name}> inside an event is not part of XES and was skipped");
                        _reader.Skip();
                        continue;
                    }

                    if (ReadAttribute(type, out var attribute))
                    {
                        ApplyToEvent(ref _events[index], attribute);
                    }
                }
                else if (nodeType is XmlNodeType.EndElement or XmlNodeType.None)
                {
                    _reader.Read();
                    break;
                }
                else
                {
                    _reader.Read();
                }
            }
        }

        ref var pending = ref _events[index];
        ApplyEventGlobals(ref pending);
        pending.AttributeCount = _attributeCount - pending.AttributeStart;
        _session.RecordRead();
        if (!insideTrace)
        {
            Reject(ref pending, null, "the event is outside any trace, so it has no case");
        }
        else if (pending.NameLength < 0)
        {
            Reject(ref pending, "concept:name", "the event has no concept:name (activity)");
        }
        else if (pending.TimeLength < 0)
        {
            Reject(ref pending, "time:timestamp", "the event has no time:timestamp");
        }
        else if (!pending.HasTime)
        {
            Reject(ref pending, "time:timestamp", $"'{Text(pending.TimeStart, pending.TimeLength)}' is not an ISO 8601 date-time");
        }
    }

    private void Reject(ref PendingEvent pending, string? field, string reason)
    {
        pending.Rejected = true;
        var name = pending.NameLength < 0 ? "(missing)" : Text(pending.NameStart, pending.NameLength);
        var time = pending.TimeLength < 0 ? "(missing)" : Text(pending.TimeStart, pending.TimeLength);
        _session.Reject(pending.Line, -1, field, reason, $"<event> concept:name={name} time:timestamp={time}");
    }

    private string Text(int start, int length) => new(_chars, start, length);

    private ReadOnlySpan<char> Span(int start, int length) => _chars.AsSpan(start, length);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XesType TypeOf(string localName)
    {
        if (ReferenceEquals(localName, _stringAtom))
        {
            return XesType.String;
        }

        if (ReferenceEquals(localName, _dateAtom))
        {
            return XesType.Date;
        }

        if (ReferenceEquals(localName, _intAtom))
        {
            return XesType.Int;
        }

        if (ReferenceEquals(localName, _floatAtom))
        {
            return XesType.Float;
        }

        if (ReferenceEquals(localName, _booleanAtom))
        {
            return XesType.Boolean;
        }

        if (ReferenceEquals(localName, _idAtom))
        {
            return XesType.Id;
        }

        if (ReferenceEquals(localName, _listAtom))
        {
            return XesType.List;
        }

        return ReferenceEquals(localName, _containerAtom) ? XesType.Container : XesType.None;
    }
}
