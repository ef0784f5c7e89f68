namespace Journeyscope.EventLogs;

/// <summary>
/// An immutable, columnar event log: events grouped by case, each case's events sorted by timestamp with ties kept
/// in source order. Strings are dictionary-encoded; every column is a plain array read through spans.
/// </summary>
/// <remarks>
/// Core columns cost 12 bytes per event (activity code and timestamp) plus 4 bytes per case (case offsets);
/// the per-event UTC offset adds 2 bytes when any event has a non-zero offset. Thread-safe for readers.
/// Build one with <see cref="EventLogBuilder"/>.
/// </remarks>
public sealed partial class EventLog
{
    private readonly string[] _caseIds;
    private readonly int[] _caseStarts;
    private readonly int[] _activities;
    private readonly string[] _activityNames;
    private readonly long[] _timestamps;
    private readonly short[]? _offsetMinutes;
    private readonly AttributeColumn[] _eventAttributes;
    private readonly AttributeColumn[] _caseAttributes;

    internal EventLog(
        string[] caseIds,
        int[] caseStarts,
        int[] activities,
        string[] activityNames,
        long[] timestamps,
        short[]? offsetMinutes,
        EventLogStandardColumns standard,
        AttributeColumn[] eventAttributes,
        AttributeColumn[] caseAttributes,
        TimeBasis timeBasis)
    {
        _caseIds = caseIds;
        _caseStarts = caseStarts;
        _activities = activities;
        _activityNames = activityNames;
        _timestamps = timestamps;
        _offsetMinutes = offsetMinutes;
        Lifecycle = standard.Lifecycle;
        Resource = standard.Resource;
        Channel = standard.Channel;
        StartTimestamps = standard.StartTimestamps;
        _eventAttributes = eventAttributes;
        _caseAttributes = caseAttributes;
        TimeBasis = timeBasis;
    }

    /// <summary>An event log with no cases.</summary>
    public static EventLog Empty { get; } = new EventLogBuilder().Build();

    /// <summary>Number of cases.</summary>
    public int CaseCount => _caseIds.Length;

    /// <summary>Number of events.</summary>
    public int EventCount => _activities.Length;

    /// <summary>Number of distinct activities (the size of <see cref="ActivityNames"/>).</summary>
    public int ActivityCount => _activityNames.Length;

    /// <summary>How <see cref="Timestamps"/> are to be read: UTC instants, or local wall-clock times.</summary>
    public TimeBasis TimeBasis { get; }

    /// <summary>The case id of each case, by case index.</summary>
    public IReadOnlyList<string> CaseIds => _caseIds;

    /// <summary>The activity name of each activity code.</summary>
    public IReadOnlyList<string> ActivityNames => _activityNames;

    /// <summary>Offsets into the event columns: case <c>c</c> owns events <c>[CaseStarts[c], CaseStarts[c + 1])</c>.</summary>
    public ReadOnlySpan<int> CaseStarts => _caseStarts;

    /// <summary>The activity code of each event.</summary>
    public ReadOnlySpan<int> Activities => _activities;

    /// <summary>The timestamp of each event in ticks (100 ns): UTC, or local wall-clock in <see cref="TimeBasis.WallClock"/>.</summary>
    public ReadOnlySpan<long> Timestamps => _timestamps;

    /// <summary>The UTC offset in minutes each event was recorded with; empty when every offset is zero.</summary>
    public ReadOnlySpan<short> OffsetMinutes => _offsetMinutes;

    /// <summary>Whether any event was recorded with a non-zero UTC offset.</summary>
    public bool HasOffsets => _offsetMinutes is not null;

    /// <summary>The lifecycle transition of each event (for example <c>start</c>, <c>complete</c>), if recorded.</summary>
    public StringColumn? Lifecycle { get; }

    /// <summary>The resource (person, system, team) of each event, if recorded.</summary>
    public StringColumn? Resource { get; }

    /// <summary>The channel (web, app, phone, store...) of each event, if recorded.</summary>
    public StringColumn? Channel { get; }

    /// <summary>The start time of each event when events carry both a start and a completion time.</summary>
    public TimestampColumn? StartTimestamps { get; }

    /// <summary>The other event attributes, one column each.</summary>
    public IReadOnlyList<AttributeColumn> EventAttributes => _eventAttributes;

    /// <summary>The case attributes, one column each, indexed by case.</summary>
    public IReadOnlyList<AttributeColumn> CaseAttributes => _caseAttributes;

    /// <summary>Index of the first event of case <paramref name="caseIndex"/>.</summary>
    public int CaseStart(int caseIndex) => _caseStarts[caseIndex];

    /// <summary>Number of events of case <paramref name="caseIndex"/>.</summary>
    public int CaseLength(int caseIndex) => _caseStarts[caseIndex + 1] - _caseStarts[caseIndex];

    /// <summary>The activity codes of one case, in order.</summary>
    public ReadOnlySpan<int> CaseActivities(int caseIndex) =>
        _activities.AsSpan(_caseStarts[caseIndex], _caseStarts[caseIndex + 1] - _caseStarts[caseIndex]);

    /// <summary>The timestamps of one case, in order.</summary>
    public ReadOnlySpan<long> CaseTimestamps(int caseIndex) =>
        _timestamps.AsSpan(_caseStarts[caseIndex], _caseStarts[caseIndex + 1] - _caseStarts[caseIndex]);

    /// <summary>The event attribute column named <paramref name="name"/>, or <c>null</c>.</summary>
    public AttributeColumn? FindEventAttribute(string name) => Find(_eventAttributes, name);

    /// <summary>The case attribute column named <paramref name="name"/>, or <c>null</c>.</summary>
    public AttributeColumn? FindCaseAttribute(string name) => Find(_caseAttributes, name);

    /// <summary>The activity code of <paramref name="name"/>, or <c>-1</c> when no event has it.</summary>
    public int FindActivity(string name) => Array.IndexOf(_activityNames, name);

    /// <summary>The timestamp of event <paramref name="eventIndex"/> as an instant with its recorded offset.</summary>
    public DateTimeOffset GetTimestamp(int eventIndex)
    {
        var offset = _offsetMinutes is null ? 0 : _offsetMinutes[eventIndex];
        var utc = TimeBasis == TimeBasis.WallClock
            ? _timestamps[eventIndex] - (offset * TimeSpan.TicksPerMinute)
            : _timestamps[eventIndex];
        return new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offset));
    }

    private static AttributeColumn? Find(AttributeColumn[] columns, string name)
    {
        foreach (var column in columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }
}
