namespace Journeyscope.EventLogs;

public sealed partial class EventLog
{
    /// <summary>
    /// This log read in another time basis. <see cref="TimeBasis.WallClock"/> shifts every timestamp by its recorded
    /// offset and re-sorts each case stably by the shifted time, as a tool that ignores offsets would see it.
    /// </summary>
    /// <remarks>O(n) when no event has an offset (the columns are shared); otherwise O(n log k) for cases of k events.</remarks>
    public EventLog ToTimeBasis(TimeBasis timeBasis)
    {
        if (timeBasis == TimeBasis)
        {
            return this;
        }

        if (_offsetMinutes is null)
        {
            return new EventLog(
                _caseIds, _caseStarts, _activities, _activityNames, _timestamps, null, Standard,
                _eventAttributes, _caseAttributes, timeBasis);
        }

        var sign = timeBasis == TimeBasis.WallClock ? 1 : -1;
        var shifted = new long[_timestamps.Length];
        for (var i = 0; i < shifted.Length; i++)
        {
            shifted[i] = _timestamps[i] + (sign * _offsetMinutes[i] * TimeSpan.TicksPerMinute);
        }

        var order = new int[shifted.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (!CaseSorting.SortWithinCases(shifted, _caseStarts, order))
        {
            return new EventLog(
                _caseIds, _caseStarts, _activities, _activityNames, shifted, _offsetMinutes, Standard,
                _eventAttributes, _caseAttributes, timeBasis);
        }

        return new EventLog(
            _caseIds,
            _caseStarts,
            Gather(_activities, order),
            _activityNames,
            Gather(shifted, order),
            Gather(_offsetMinutes, order),
            Standard.Gather(order),
            GatherAll(_eventAttributes, order),
            _caseAttributes,
            timeBasis);
    }

    /// <summary>
    /// A log with only the events whose index is in <paramref name="eventIndices"/> (strictly ascending).
    /// Cases left without events are dropped; order and every column are kept.
    /// </summary>
    /// <remarks>A selection never invents or reorders events. O(n).</remarks>
    public EventLog SelectEvents(ReadOnlySpan<int> eventIndices)
    {
        var rows = eventIndices.ToArray();
        for (var i = 1; i < rows.Length; i++)
        {
            if (rows[i] <= rows[i - 1])
            {
                throw new ArgumentException("Event indices must be strictly ascending.", nameof(eventIndices));
            }
        }

        var keptCases = new List<int>();
        var starts = new List<int> { 0 };
        var next = 0;
        for (var c = 0; c < CaseCount && next < rows.Length; c++)
        {
            var end = _caseStarts[c + 1];
            var first = next;
            while (next < rows.Length && rows[next] < end)
            {
                next++;
            }

            if (next > first)
            {
                keptCases.Add(c);
                starts.Add(next);
            }
        }

        if (next != rows.Length)
        {
            throw new ArgumentException("Event indices must be strictly ascending and inside the log.", nameof(eventIndices));
        }

        return Rebuild(rows, keptCases.ToArray(), starts.ToArray());
    }

    /// <summary>A log with only the cases in <paramref name="caseIndices"/> (strictly ascending), with all their events.</summary>
    public EventLog SelectCases(ReadOnlySpan<int> caseIndices)
    {
        var starts = new int[caseIndices.Length + 1];
        var total = 0;
        for (var i = 0; i < caseIndices.Length; i++)
        {
            if (i > 0 && caseIndices[i] <= caseIndices[i - 1])
            {
                throw new ArgumentException("Case indices must be strictly ascending.", nameof(caseIndices));
            }

            total += CaseLength(caseIndices[i]);
            starts[i + 1] = total;
        }

        var rows = new int[total];
        var k = 0;
        foreach (var c in caseIndices)
        {
            for (var e = _caseStarts[c]; e < _caseStarts[c + 1]; e++)
            {
                rows[k++] = e;
            }
        }

        return Rebuild(rows, caseIndices.ToArray(), starts);
    }

    private EventLogStandardColumns Standard => new(Lifecycle, Resource, Channel, StartTimestamps);

    private EventLog Rebuild(int[] rows, int[] cases, int[] starts)
    {
        var caseIds = new string[cases.Length];
        for (var i = 0; i < cases.Length; i++)
        {
            caseIds[i] = _caseIds[cases[i]];
        }

        return new EventLog(
            caseIds,
            starts,
            Gather(_activities, rows),
            _activityNames,
            Gather(_timestamps, rows),
            _offsetMinutes is null ? null : Gather(_offsetMinutes, rows),
            Standard.Gather(rows),
            GatherAll(_eventAttributes, rows),
            GatherAll(_caseAttributes, cases),
            TimeBasis);
    }

    private static T[] Gather<T>(T[] source, ReadOnlySpan<int> rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = source[rows[i]];
        }

        return result;
    }

    private static AttributeColumn[] GatherAll(AttributeColumn[] columns, ReadOnlySpan<int> rows)
    {
        var result = new AttributeColumn[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            result[i] = columns[i].Gather(rows);
        }

        return result;
    }
}
