namespace Journeyscope.Simulation;

/// <summary>Working hours of backstage teams: Monday to Friday, from a start to an end hour (UTC).</summary>
internal sealed class WorkCalendar
{
    private readonly long _start;
    private readonly long _end;

    public WorkCalendar(int startHour, int endHour)
    {
        _start = startHour * TimeSpan.TicksPerHour;
        _end = endHour * TimeSpan.TicksPerHour;
    }

    /// <summary>The weekday of an instant, Sunday = 0 as in <see cref="DayOfWeek"/>.</summary>
    public static DayOfWeek DayOf(long ticks) => (DayOfWeek)(int)(((ticks / TimeSpan.TicksPerDay) + 1) % 7);

    /// <summary>The first working instant at or after <paramref name="ticks"/>.</summary>
    public long NextWorking(long ticks)
    {
        var day = ticks - (ticks % TimeSpan.TicksPerDay);
        var time = ticks - day;
        if (time >= _end)
        {
            day += TimeSpan.TicksPerDay;
            time = _start;
        }
        else if (time < _start)
        {
            time = _start;
        }

        while (DayOf(day) is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day += TimeSpan.TicksPerDay;
            time = _start;
        }

        return day + time;
    }

    /// <summary>Adds <paramref name="hours"/> of working time to <paramref name="ticks"/>.</summary>
    public long AddWorkingHours(long ticks, double hours)
    {
        var t = NextWorking(ticks);
        var remaining = (long)(hours * TimeSpan.TicksPerHour);
        while (true)
        {
            var day = t - (t % TimeSpan.TicksPerDay);
            var available = day + _end - t;
            if (remaining <= available)
            {
                return t + remaining;
            }

            remaining -= available;
            t = NextWorking(day + TimeSpan.TicksPerDay);
        }
    }
}
