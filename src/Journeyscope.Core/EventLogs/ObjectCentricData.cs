namespace Journeyscope.EventLogs;

/// <summary>
/// The object-centric side of a log (OCEL 2.0): every event once, the objects it touches, and the relations
/// between events and objects (E2O) and between objects (O2O). An <see cref="EventLog"/> is one flattening of it,
/// with one object type as the case notion.
/// </summary>
public sealed class ObjectCentricData
{
    /// <summary>Creates the object-centric data.</summary>
    public ObjectCentricData(
        IReadOnlyList<OcelEvent> events,
        IReadOnlyList<OcelObject> objects,
        IReadOnlyList<OcelEventObject> eventObjects,
        IReadOnlyList<OcelObjectObject> objectObjects)
    {
        Events = events;
        Objects = objects;
        EventObjects = eventObjects;
        ObjectObjects = objectObjects;
    }

    /// <summary>Every event, once.</summary>
    public IReadOnlyList<OcelEvent> Events { get; }

    /// <summary>Every object.</summary>
    public IReadOnlyList<OcelObject> Objects { get; }

    /// <summary>Event-to-object relations, with qualifiers.</summary>
    public IReadOnlyList<OcelEventObject> EventObjects { get; }

    /// <summary>Object-to-object relations, with qualifiers.</summary>
    public IReadOnlyList<OcelObjectObject> ObjectObjects { get; }
}

/// <summary>An OCEL event: id, type (the activity), time and attributes.</summary>
public sealed record OcelEvent(string Id, string Type, DateTimeOffset Time, IReadOnlyList<OcelAttribute> Attributes);

/// <summary>An OCEL object: id, type and attribute values, each possibly with the time it took that value.</summary>
public sealed record OcelObject(string Id, string Type, IReadOnlyList<OcelAttribute> Attributes);

/// <summary>An attribute value of an OCEL event or object; <paramref name="Time"/> is set for time-varying object attributes.</summary>
public sealed record OcelAttribute(string Name, AttributeValue Value, DateTimeOffset? Time = null);

/// <summary>An event-to-object relation (E2O).</summary>
public sealed record OcelEventObject(string EventId, string ObjectId, string Qualifier);

/// <summary>An object-to-object relation (O2O).</summary>
public sealed record OcelObjectObject(string SourceId, string TargetId, string Qualifier);
