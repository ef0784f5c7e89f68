namespace Journeyscope.EventLogs;

/// <summary>
/// Collects events in any order and builds an immutable <see cref="EventLog"/>: cases in order of first appearance,
/// each case's events sorted by timestamp with ties kept in the order they were added.
/// </summary>
/// <remarks>
/// Not thread-safe. Strings are interned as they arrive (span overloads avoid allocating for repeated values).
/// <see cref="Build"/> is O(n log k) for cases of k events, plus O(n) per column.
/// </remarks>
public sealed partial class EventLogBuilder
{
    private readonly StringPool _cases = new();
    private readonly StringPool _activities = new();
    private readonly Dictionary<string, int> _eventAttributeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _caseAttributeIndex = new(StringComparer.Ordinal);
    private readonly List<ColumnBuilder> _eventAttributes = [];
    private readonly List<ColumnBuilder> _caseAttributes = [];
    private int[] _caseOfEvent;
    private int[] _activityOfEvent;
    private long[] _timestamps;
    private short[]? _offsets;
    private ColumnBuilder? _lifecycle;
    private ColumnBuilder? _resource;
    private ColumnBuilder? _channel;
    private ColumnBuilder? _start;

    /// <summary>Creates a builder sized for about <paramref name="capacity"/> events.</summary>
    public EventLogBuilder(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        capacity = Math.Max(capacity, 16);
        _caseOfEvent = new int[capacity];
        _activityOfEvent = new int[capacity];
        _timestamps = new long[capacity];
    }

    /// <summary>Number of events added.</summary>
    public int EventCount { get; private set; }

    /// <summary>Number of distinct cases seen.</summary>
    public int CaseCount => _cases.Count;

    /// <summary>Adds an event and returns its index (for setting its other columns).</summary>
    /// <param name="caseId">The case the event belongs to.</param>
    /// <param name="activity">The activity name.</param>
    /// <param name="utcTicks">The instant in UTC ticks (100 ns since 0001-01-01).</param>
    /// <param name="offsetMinutes">The UTC offset the time was recorded with, in minutes.</param>
    public int AddEvent(ReadOnlySpan<char> caseId, ReadOnlySpan<char> activity, long utcTicks, short offsetMinutes = 0)
    {
        var index = EventCount;
        if (index == _timestamps.Length)
        {
            var capacity = checked(index * 2);
            Array.Resize(ref _caseOfEvent, capacity);
            Array.Resize(ref _activityOfEvent, capacity);
            Array.Resize(ref _timestamps, capacity);
            if (_offsets is not null)
            {
                Array.Resize(ref _offsets, capacity);
            }
        }

        _caseOfEvent[index] = _cases.Intern(caseId);
        _activityOfEvent[index] = _activities.Intern(activity);
        _timestamps[index] = utcTicks;
        if (offsetMinutes != 0)
        {
            _offsets ??= new short[_timestamps.Length];
            _offsets[index] = offsetMinutes;
        }

        EventCount = index + 1;
        return index;
    }

    /// <summary>Adds an event at <paramref name="timestamp"/>, keeping its offset.</summary>
    public int AddEvent(string caseId, string activity, DateTimeOffset timestamp) =>
        AddEvent(caseId, activity, timestamp.UtcTicks, checked((short)timestamp.Offset.TotalMinutes));

    /// <summary>Registers a case with no events yet, so case attributes can be set before its events arrive.</summary>
    public int AddCase(ReadOnlySpan<char> caseId) => _cases.Intern(caseId);

    /// <summary>Sets the lifecycle transition (for example <c>start</c>, <c>complete</c>) of an event.</summary>
    public void SetLifecycle(int eventIndex, ReadOnlySpan<char> transition) =>
        (_lifecycle ??= new ColumnBuilder("lifecycle", AttributeType.String)).SetString(Check(eventIndex), transition);

    /// <summary>Sets the resource of an event.</summary>
    public void SetResource(int eventIndex, ReadOnlySpan<char> resource) =>
        (_resource ??= new ColumnBuilder("resource", AttributeType.String)).SetString(Check(eventIndex), resource);

    /// <summary>Sets the channel of an event.</summary>
    public void SetChannel(int eventIndex, ReadOnlySpan<char> channel) =>
        (_channel ??= new ColumnBuilder("channel", AttributeType.String)).SetString(Check(eventIndex), channel);

    /// <summary>Sets the start time of an event that also has a completion time.</summary>
    public void SetStartTimestamp(int eventIndex, long utcTicks, short offsetMinutes = 0) =>
        (_start ??= new ColumnBuilder("start", AttributeType.Timestamp))
            .Set(Check(eventIndex), AttributeValue.FromTimestamp(utcTicks, offsetMinutes));

    /// <summary>Returns a handle for the event attribute <paramref name="name"/>, creating its column on first use.</summary>
    public int GetEventAttributeHandle(string name, AttributeType type = AttributeType.String) =>
        Handle(_eventAttributeIndex, _eventAttributes, name, type);

    /// <summary>Returns a handle for the case attribute <paramref name="name"/>, creating its column on first use.</summary>
    public int GetCaseAttributeHandle(string name, AttributeType type = AttributeType.String) =>
        Handle(_caseAttributeIndex, _caseAttributes, name, type);

    /// <summary>Sets an event attribute.</summary>
    public void SetEventAttribute(int eventIndex, string name, AttributeValue value) =>
        _eventAttributes[GetEventAttributeHandle(name, value.Type)].Set(Check(eventIndex), value);

    /// <summary>Sets an event attribute through a handle from <see cref="GetEventAttributeHandle"/>.</summary>
    public void SetEventAttribute(int eventIndex, int handle, AttributeValue value) =>
        _eventAttributes[handle].Set(Check(eventIndex), value);

    /// <summary>Sets a string event attribute through a handle, interning the text without allocating when seen before.</summary>
    public void SetEventAttribute(int eventIndex, int handle, ReadOnlySpan<char> value) =>
        _eventAttributes[handle].SetString(Check(eventIndex), value);

    /// <summary>Sets an attribute of the case <paramref name="caseId"/> (registering the case if new).</summary>
    public void SetCaseAttribute(ReadOnlySpan<char> caseId, string name, AttributeValue value) =>
        _caseAttributes[GetCaseAttributeHandle(name, value.Type)].Set(_cases.Intern(caseId), value);

    /// <summary>Sets a case attribute through a handle from <see cref="GetCaseAttributeHandle"/>.</summary>
    public void SetCaseAttribute(ReadOnlySpan<char> caseId, int handle, AttributeValue value) =>
        _caseAttributes[handle].Set(_cases.Intern(caseId), value);

    /// <summary>The value of an event attribute set so far, or <c>null</c>.</summary>
    public AttributeValue? GetEventAttribute(int eventIndex, string name) =>
        _eventAttributeIndex.TryGetValue(name, out var handle) ? _eventAttributes[handle].Get(eventIndex) : null;

    private static int Handle(Dictionary<string, int> index, List<ColumnBuilder> columns, string name, AttributeType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!index.TryGetValue(name, out var handle))
        {
            handle = columns.Count;
            columns.Add(new ColumnBuilder(name, type));
            index.Add(name, handle);
        }

        return handle;
    }

    private int Check(int eventIndex)
    {
        if ((uint)eventIndex >= (uint)EventCount)
        {
            throw new ArgumentOutOfRangeException(nameof(eventIndex), eventIndex, "No event has this index.");
        }

        return eventIndex;
    }
}
