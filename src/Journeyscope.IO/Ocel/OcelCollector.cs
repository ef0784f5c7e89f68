using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>
/// Gathers what an OCEL reader finds (type declarations, events, objects, relations), checks each event, and
/// resolves the relations once everything is read. Shared by the JSON, XML and SQLite readers.
/// </summary>
internal sealed class OcelCollector(ImportSession session)
{
    private readonly Dictionary<string, Dictionary<string, AttributeType>> _eventTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, AttributeType>> _objectTypes = new(StringComparer.Ordinal);
    private readonly List<OcelEvent> _events = [];
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rejectedEventIds = new(StringComparer.Ordinal);
    private readonly List<OcelObject> _objects = [];
    private readonly Dictionary<string, string> _objectTypeOf = new(StringComparer.Ordinal);
    private readonly List<OcelEventObject> _eventObjects = [];
    private readonly List<OcelObjectObject> _objectObjects = [];
    private int _badObjects;
    private int _duplicateObjects;
    private int _textFallbacks;

    public ImportSession Session => session;

    /// <summary>The object types declared by the file (observed types are added by <see cref="Build"/>).</summary>
    public IEnumerable<string> DeclaredObjectTypes => _objectTypes.Keys;

    public void DeclareEventAttribute(string eventType, string name, string? type) =>
        Declare(_eventTypes, eventType, name, type);

    public void DeclareObjectAttribute(string objectType, string name, string? type) =>
        Declare(_objectTypes, objectType, name, type);

    public void DeclareEventType(string eventType) => _eventTypes.TryAdd(eventType, new(StringComparer.Ordinal));

    public void DeclareObjectType(string objectType) => _objectTypes.TryAdd(objectType, new(StringComparer.Ordinal));

    public AttributeType? EventAttributeType(string? eventType, string name) =>
        eventType is not null && _eventTypes.TryGetValue(eventType, out var map) && map.TryGetValue(name, out var t) ? t : null;

    public AttributeType? ObjectAttributeType(string? objectType, string name) =>
        objectType is not null && _objectTypes.TryGetValue(objectType, out var map) && map.TryGetValue(name, out var t) ? t : null;

    /// <summary>Converts attribute text to its declared type, counting values that had to stay text.</summary>
    public AttributeValue Convert(string text, AttributeType? declared)
    {
        var value = OcelValues.FromText(text, declared, out var fellBack);
        if (fellBack)
        {
            _textFallbacks++;
        }

        return value;
    }

    /// <summary>Counts one OCEL event read and keeps it, or quarantines it (no id, type or time; duplicate id).</summary>
    /// <returns>Whether the event was kept (so its relations may be added); when not, call <see cref="Reject"/>.</returns>
    public bool AddEvent(
        string? id, string? type, string? timeText, IReadOnlyList<OcelAttribute> attributes, out string? field, out string? reason)
    {
        session.RecordRead();
        field = null;
        reason = null;
        var time = default(DateTimeOffset);
        if (string.IsNullOrEmpty(id))
        {
            (field, reason) = ("id", "the event has no id");
        }
        else if (string.IsNullOrEmpty(type))
        {
            (field, reason) = ("type", $"event '{id}' has no type");
        }
        else if (string.IsNullOrWhiteSpace(timeText))
        {
            (field, reason) = ("time", $"event '{id}' has no time");
        }
        else if (!OcelValues.TryParseTime(timeText, out time))
        {
            (field, reason) = ("time", $"event '{id}' has an unreadable time '{timeText}'");
        }
        else if (!_eventIds.Add(id))
        {
            (field, reason) = ("id", $"event id '{id}' occurs twice");
        }

        if (reason is not null)
        {
            if (!string.IsNullOrEmpty(id) && !_eventIds.Contains(id))
            {
                _rejectedEventIds.Add(id);
            }

            return false;
        }

        _events.Add(new OcelEvent(id!, type!, time, attributes));
        return true;
    }

    /// <summary>Quarantines an event that <see cref="AddEvent"/> refused (throws in strict mode).</summary>
    public void Reject(long line, long byteOffset, string? field, string? reason, string? rawText) =>
        session.Reject(line, byteOffset, field, reason ?? "bad event", rawText);

    public void AddObject(string? id, string? type, IReadOnlyList<OcelAttribute> attributes)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
        {
            _badObjects++;
            return;
        }

        if (!_objectTypeOf.TryAdd(id, type))
        {
            _duplicateObjects++;
            return;
        }

        _objects.Add(new OcelObject(id, type, attributes));
    }

    public void AddEventObject(string eventId, string? objectId, string? qualifier) =>
        _eventObjects.Add(new OcelEventObject(eventId, objectId ?? string.Empty, qualifier ?? string.Empty));

    public void AddObjectObject(string sourceId, string? targetId, string? qualifier) =>
        _objectObjects.Add(new OcelObjectObject(sourceId, targetId ?? string.Empty, qualifier ?? string.Empty));

    /// <summary>The data, with relations to unknown objects (or events) dropped and counted in warnings.</summary>
    public ObjectCentricData Build()
    {
        var eventObjects = new List<OcelEventObject>(_eventObjects.Count);
        var unknownObjects = 0;
        var unknownEvents = 0;
        foreach (var relation in _eventObjects)
        {
            if (!_eventIds.Contains(relation.EventId))
            {
                // Relations of quarantined events go with them; relations of events that never existed are reported.
                if (!_rejectedEventIds.Contains(relation.EventId))
                {
                    unknownEvents++;
                }
            }
            else if (!_objectTypeOf.ContainsKey(relation.ObjectId))
            {
                unknownObjects++;
            }
            else
            {
                eventObjects.Add(relation);
            }
        }

        var objectObjects = new List<OcelObjectObject>(_objectObjects.Count);
        var unknownO2O = 0;
        foreach (var relation in _objectObjects)
        {
            if (_objectTypeOf.ContainsKey(relation.SourceId) && _objectTypeOf.ContainsKey(relation.TargetId))
            {
                objectObjects.Add(relation);
            }
            else
            {
                unknownO2O++;
            }
        }

        WarnIf(unknownObjects, "event-to-object relations name an unknown object and were dropped (the events were kept)");
        WarnIf(unknownEvents, "event-to-object relations name an unknown event and were dropped");
        WarnIf(unknownO2O, "object-to-object relations name an unknown object and were dropped");
        WarnIf(_badObjects, "objects without id or type were skipped");
        WarnIf(_duplicateObjects, "objects repeat an id already seen and were skipped");
        WarnIf(_textFallbacks, "attribute values did not match their declared type and were kept as text");
        return new ObjectCentricData(_events.ToArray(), _objects.ToArray(), eventObjects.ToArray(), objectObjects.ToArray());
    }

    private static void Declare(Dictionary<string, Dictionary<string, AttributeType>> types, string owner, string name, string? type)
    {
        if (!types.TryGetValue(owner, out var map))
        {
            map = new Dictionary<string, AttributeType>(StringComparer.Ordinal);
            types.Add(owner, map);
        }

        map[name] = OcelValues.ParseDeclaredType(type) ?? AttributeType.String;
    }

    private void WarnIf(int count, string what)
    {
        if (count > 0)
        {
            session.Warn($"{count} {what}.");
        }
    }
}
