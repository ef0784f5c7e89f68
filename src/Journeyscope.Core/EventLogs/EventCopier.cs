namespace Journeyscope.EventLogs;

/// <summary>
/// Copies events and case attributes of one source <see cref="EventLog"/> into an <see cref="EventLogBuilder"/> with every
/// column: activity, timestamp and offset, lifecycle, resource, channel, start time, and each event and case attribute
/// through the builder's handle for its column. What assembling a log out of other logs' cases takes (the whole log of a
/// partitioned log, a stored segment grown by an append).
/// </summary>
/// <remarks>
/// Not thread-safe, as the builder is not. Made once per source log: it keeps the source's activity names and attribute
/// columns as arrays, so that copying reads arrays and spans only. O(1) per column per event copied.
/// </remarks>
public sealed class EventCopier
{
    private readonly EventLogBuilder _builder;
    private readonly EventLog _source;
    private readonly string[] _activityNames;
    private readonly AttributeColumn[] _eventColumns;
    private readonly AttributeColumn[] _caseColumns;
    private readonly int[] _eventHandles;
    private readonly int[] _caseHandles;

    /// <summary>
    /// A copier from <paramref name="source"/> into <paramref name="builder"/> that writes the source's event attribute column
    /// <c>a</c> through <paramref name="eventHandles"/>[a] and its case attribute column <c>a</c> through
    /// <paramref name="caseHandles"/>[a] (handles of the builder's columns of the same types).
    /// </summary>
    public EventCopier(EventLogBuilder builder, EventLog source, int[] eventHandles, int[] caseHandles)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(eventHandles);
        ArgumentNullException.ThrowIfNull(caseHandles);
        if (eventHandles.Length != source.EventAttributes.Count || caseHandles.Length != source.CaseAttributes.Count)
        {
            throw new ArgumentException("One handle is needed per event attribute column and per case attribute column of the source.");
        }

        _builder = builder;
        _source = source;
        _activityNames = [.. source.ActivityNames];
        _eventColumns = [.. source.EventAttributes];
        _caseColumns = [.. source.CaseAttributes];
        _eventHandles = eventHandles;
        _caseHandles = caseHandles;
    }

    /// <summary>A copier whose attribute columns go to the builder's columns of the same name and type (created on first use).</summary>
    public static EventCopier Of(EventLogBuilder builder, EventLog source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        var events = new int[source.EventAttributes.Count];
        for (var a = 0; a < events.Length; a++)
        {
            events[a] = builder.GetEventAttributeHandle(source.EventAttributes[a].Name, source.EventAttributes[a].Type);
        }

        var cases = new int[source.CaseAttributes.Count];
        for (var a = 0; a < cases.Length; a++)
        {
            cases[a] = builder.GetCaseAttributeHandle(source.CaseAttributes[a].Name, source.CaseAttributes[a].Type);
        }

        return new EventCopier(builder, source, events, cases);
    }

    /// <summary>Copies case <paramref name="c"/> of the source, its events in order and its attributes, under its own id.</summary>
    public void CopyCase(int c)
    {
        var caseId = _source.CaseIds[c];
        CopyEvents(caseId, _source.CaseStart(c), _source.CaseStart(c) + _source.CaseLength(c));
        CopyCaseAttributes(caseId, c);
    }

    /// <summary>Copies the source's events <paramref name="first"/> to <paramref name="end"/> (exclusive), in order, into case <paramref name="caseId"/>.</summary>
    public void CopyEvents(string caseId, int first, int end)
    {
        var source = _source;
        var names = _activityNames;
        var activities = source.Activities;
        var timestamps = source.Timestamps;
        var offsets = source.OffsetMinutes;
        var columns = _eventColumns;
        var handles = _eventHandles;
        for (var e = first; e < end; e++)
        {
            var target = _builder.AddEvent(caseId, names[activities[e]], timestamps[e], offsets.IsEmpty ? (short)0 : offsets[e]);
            CopyStandard(e, target);
            for (var a = 0; a < columns.Length; a++)
            {
                if (columns[a] is StringColumn text)
                {
                    if (text.GetString(e) is { } value)
                    {
                        _builder.SetEventAttribute(target, handles[a], value);
                    }
                }
                else if (columns[a].GetValue(e) is { } value)
                {
                    _builder.SetEventAttribute(target, handles[a], value);
                }
            }
        }
    }

    /// <summary>Copies the attributes of the source's case <paramref name="c"/> to case <paramref name="caseId"/>.</summary>
    public void CopyCaseAttributes(string caseId, int c)
    {
        var columns = _caseColumns;
        for (var a = 0; a < columns.Length; a++)
        {
            if (columns[a].GetValue(c) is { } value)
            {
                _builder.SetCaseAttribute(caseId, _caseHandles[a], value);
            }
        }
    }

    private void CopyStandard(int e, int target)
    {
        var source = _source;
        if (source.Lifecycle?.GetString(e) is { } lifecycle)
        {
            _builder.SetLifecycle(target, lifecycle);
        }

        if (source.Resource?.GetString(e) is { } resource)
        {
            _builder.SetResource(target, resource);
        }

        if (source.Channel?.GetString(e) is { } channel)
        {
            _builder.SetChannel(target, channel);
        }

        if (source.StartTimestamps is { } start && start.IsValid(e))
        {
            var startOffsets = start.OffsetMinutes;
            _builder.SetStartTimestamp(target, start.UtcTicks[e], startOffsets.IsEmpty ? (short)0 : startOffsets[e]);
        }
    }
}
