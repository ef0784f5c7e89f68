namespace Journeyscope.IO;

/// <summary>The XML element types of XES attributes.</summary>
internal enum XesType
{
    None,
    String,
    Date,
    Int,
    Float,
    Boolean,
    Id,
    List,
    Container,
}

/// <summary>One attribute read from the file, its text kept in the reader's character arena.</summary>
internal struct PendingAttribute
{
    public XesKey Key;
    public XesType Type;
    public int TextStart;
    public int TextLength;
}

/// <summary>One event of the trace being read, waiting for the trace's case id.</summary>
internal struct PendingEvent
{
    public int Line;
    public int NameStart;
    public int NameLength;
    public int TimeStart;
    public int TimeLength;
    public long Ticks;
    public short Offset;
    public bool HasTime;
    public int LifecycleStart;
    public int LifecycleLength;
    public int ResourceStart;
    public int ResourceLength;
    public int ChannelStart;
    public int ChannelLength;
    public bool HasStart;
    public long StartTicks;
    public short StartOffset;
    public int AttributeStart;
    public int AttributeCount;
    public bool Rejected;

    public static PendingEvent Create(int line, int attributeStart) => new()
    {
        Line = line,
        NameLength = -1,
        TimeLength = -1,
        LifecycleLength = -1,
        ResourceLength = -1,
        ChannelLength = -1,
        AttributeStart = attributeStart,
    };
}

/// <summary>A default value declared in a <c>&lt;global&gt;</c> block.</summary>
internal sealed record XesGlobal(XesKey Key, XesType Type, string Text);

/// <summary>A nested attribute read in full (the cold path for attributes with children, lists and containers).</summary>
internal sealed record XesNestedNode(string Type, string? Key, string? Value, List<XesNestedNode> Children);
