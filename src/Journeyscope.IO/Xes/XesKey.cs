using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>What an XES attribute key means to the importer when it appears on an event.</summary>
internal enum XesKeyRole
{
    /// <summary>Any other key: an event attribute (or case attribute on a trace) of the same name.</summary>
    Other,

    /// <summary><c>concept:name</c>: the activity of an event, the case id of a trace.</summary>
    Name,

    /// <summary><c>time:timestamp</c>.</summary>
    Timestamp,

    /// <summary><c>lifecycle:transition</c>.</summary>
    Lifecycle,

    /// <summary><c>org:resource</c>.</summary>
    Resource,

    /// <summary><c>channel</c> (event scope).</summary>
    Channel,

    /// <summary><c>start_timestamp</c> of type date (event scope).</summary>
    Start,
}

/// <summary>One distinct attribute key seen in a file, with its column handles and per-element bookkeeping.</summary>
internal sealed class XesKey(string name, XesKeyRole role, string attributeName)
{
    /// <summary>The key as written in the file.</summary>
    public string Name { get; } = name;

    /// <summary>The key's meaning on events.</summary>
    public XesKeyRole Role { get; } = role;

    /// <summary>The event attribute column it fills when it is <see cref="XesKeyRole.Other"/> (identity:id becomes event_id).</summary>
    public string AttributeName { get; } = attributeName;

    /// <summary>Event attribute handle, or -1 until the first value.</summary>
    public int EventHandle { get; set; } = -1;

    /// <summary>Case attribute handle, or -1 until the first value.</summary>
    public int CaseHandle { get; set; } = -1;

    /// <summary>The serial of the last event that had this key (for global defaults).</summary>
    public long EventStamp { get; set; } = -1;

    /// <summary>The serial of the last trace that had this key (for global defaults).</summary>
    public long TraceStamp { get; set; } = -1;

    /// <summary>The type of the event column as this reader has widened it (valid once <see cref="EventHandle"/> is set).</summary>
    public AttributeType EventType { get; set; }

    /// <summary>The type of the case column as this reader has widened it (valid once <see cref="CaseHandle"/> is set).</summary>
    public AttributeType CaseType { get; set; }

    /// <summary>Whether a value that does not parse as its declared type has been reported.</summary>
    public bool BadValueWarned { get; set; }

    public static XesKey Create(string name) => name switch
    {
        "concept:name" => new(name, XesKeyRole.Name, name),
        "time:timestamp" => new(name, XesKeyRole.Timestamp, name),
        "lifecycle:transition" => new(name, XesKeyRole.Lifecycle, name),
        "org:resource" => new(name, XesKeyRole.Resource, name),
        "channel" => new(name, XesKeyRole.Channel, name),
        "start_timestamp" => new(name, XesKeyRole.Start, name),
        "identity:id" => new(name, XesKeyRole.Other, "event_id"),
        _ => new(name, XesKeyRole.Other, name),
    };
}
