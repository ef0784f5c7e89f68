namespace Journeyscope.Performance;

/// <summary>
/// Working time: working days of the week, one window of working hours per working day, holidays, and the time zone
/// the hours are read in. <see cref="Duration"/> counts only the working time between two instants.
/// </summary>
/// <remarks>
/// O(log h) per call for h holidays: working time before an instant is computed in closed form (whole weeks, the days
/// of the current week, the part of the current day) minus the holidays before it. Hours are local clock times in
/// <see cref="TimeZone"/>; a daylight-saving switch inside working hours is counted by the clock (switches usually
/// happen at night, outside working hours). Immutable and thread-safe.
/// </remarks>
public sealed class BusinessCalendar
{
    private readonly DayOfWeek[] _workingDays;
    private readonly DateOnly[] _holidays;
    private readonly long[] _holidayDays;
    private readonly long[] _weekPrefix = new long[8];
    private readonly bool[] _isWorkingDay = new bool[7];
    private readonly long _dayStart;
    private readonly long _dayLength;
    private readonly bool _utc;

    /// <summary>Creates a calendar.</summary>
    /// <param name="workingDays">The working days of the week.</param>
    /// <param name="dayStart">Start of working hours (local).</param>
    /// <param name="dayEnd">End of working hours (local), after <paramref name="dayStart"/>.</param>
    /// <param name="holidays">Days without working hours.</param>
    /// <param name="timeZone">The time zone working hours are read in; UTC when <c>null</c>.</param>
    public BusinessCalendar(
        IEnumerable<DayOfWeek> workingDays,
        TimeOnly dayStart,
        TimeOnly dayEnd,
        IEnumerable<DateOnly>? holidays = null,
        TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        if (dayEnd <= dayStart)
        {
            throw new ArgumentException("Working hours must end after they start on the same day.", nameof(dayEnd));
        }

        _workingDays = [.. new SortedSet<DayOfWeek>(workingDays)];
        foreach (var day in _workingDays)
        {
            if (!Enum.IsDefined(day))
            {
                throw new ArgumentOutOfRangeException(nameof(workingDays), day, "Unknown day of week.");
            }

            _isWorkingDay[WeekIndex(day)] = true;
        }

        DayStart = dayStart;
        DayEnd = dayEnd;
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
        _utc = TimeZone.Equals(TimeZoneInfo.Utc);
        _dayStart = dayStart.Ticks;
        _dayLength = dayEnd.Ticks - dayStart.Ticks;
        for (var i = 0; i < 7; i++)
        {
            _weekPrefix[i + 1] = _weekPrefix[i] + (_isWorkingDay[i] ? _dayLength : 0);
        }

        _holidays = [.. new SortedSet<DateOnly>(holidays ?? [])];
        var days = new List<long>();
        foreach (var holiday in _holidays)
        {
            // Only holidays on working days remove working time.
            if (_isWorkingDay[WeekIndex(holiday.DayOfWeek)])
            {
                days.Add(holiday.DayNumber);
            }
        }

        _holidayDays = [.. days];
    }

    /// <summary>Monday to Friday, 09:00 to 17:00 UTC, no holidays.</summary>
    public static BusinessCalendar Standard { get; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0),
        new TimeOnly(17, 0));

    /// <summary>The working days of the week, Sunday first.</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays => _workingDays;

    /// <summary>Start of working hours (local).</summary>
    public TimeOnly DayStart { get; }

    /// <summary>End of working hours (local).</summary>
    public TimeOnly DayEnd { get; }

    /// <summary>The holidays, ascending.</summary>
    public IReadOnlyList<DateOnly> Holidays => _holidays;

    /// <summary>The time zone working hours are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Working time between two UTC instants (ticks); zero when <paramref name="toUtcTicks"/> is not after <paramref name="fromUtcTicks"/>.</summary>
    public TimeSpan Duration(long fromUtcTicks, long toUtcTicks) =>
        toUtcTicks <= fromUtcTicks
            ? TimeSpan.Zero
            : TimeSpan.FromTicks(WorkingTicksBefore(ToLocal(toUtcTicks)) - WorkingTicksBefore(ToLocal(fromUtcTicks)));

    /// <summary>Working time between two local clock times (ticks), read directly in the calendar's hours without a time zone.</summary>
    /// <remarks>Used for logs in wall-clock time basis, whose timestamps are already local clock times.</remarks>
    public TimeSpan DurationLocal(long fromLocalTicks, long toLocalTicks) =>
        toLocalTicks <= fromLocalTicks
            ? TimeSpan.Zero
            : TimeSpan.FromTicks(WorkingTicksBefore(toLocalTicks) - WorkingTicksBefore(fromLocalTicks));

    /// <summary>Working ticks from 0001-01-01 00:00 (a Monday) to the local time <paramref name="localTicks"/>.</summary>
    internal long WorkingTicksBefore(long localTicks)
    {
        // Times before year 1 or after 9999 (only reachable through a time-zone shift) clamp to the calendar's range.
        localTicks = Math.Clamp(localTicks, 0, DateTime.MaxValue.Ticks);
        var day = localTicks / TimeSpan.TicksPerDay;
        var timeOfDay = localTicks - (day * TimeSpan.TicksPerDay);
        var weekday = (int)(day % 7);
        var today = _isWorkingDay[weekday] ? Math.Clamp(timeOfDay - _dayStart, 0, _dayLength) : 0;
        var total = ((day / 7) * _weekPrefix[7]) + _weekPrefix[weekday] + today;

        var index = Array.BinarySearch(_holidayDays, day);
        if (index >= 0)
        {
            // Today is a holiday: remove the earlier holidays and the part of today counted above.
            return total - (index * _dayLength) - today;
        }

        return total - (~index * _dayLength);
    }

    private long ToLocal(long utcTicks) =>
        _utc ? utcTicks : utcTicks + TimeZone.GetUtcOffset(new DateTime(Math.Clamp(utcTicks, 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc)).Ticks;

    /// <summary>Day 0 of the calendar (0001-01-01) is a Monday: Monday is index 0, Sunday 6.</summary>
    private static int WeekIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
