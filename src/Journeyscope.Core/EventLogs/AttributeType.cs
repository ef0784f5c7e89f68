namespace Journeyscope.EventLogs;

/// <summary>The type of an event or case attribute column.</summary>
public enum AttributeType
{
    /// <summary>Text, dictionary-encoded.</summary>
    String,

    /// <summary>A 64-bit signed integer.</summary>
    Long,

    /// <summary>A 64-bit floating-point number.</summary>
    Double,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>An instant (UTC ticks) with the UTC offset it was recorded with.</summary>
    Timestamp,
}
