using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

/// <summary>Time targets per case, as docs/journeys.md defines them.</summary>
internal static class TimeTargets
{
    /// <summary>
    /// The seconds from the first 'from' event to the first 'to' event after it (or, when <paramref name="same"/>, to the
    /// last 'to' event), per case; NaN when the case does not reach both.
    /// </summary>
    public static double[] Elapsed(EventLog log, bool[] from, bool[] to, bool same)
    {
        var seconds = new double[log.CaseCount];
        var timestamps = log.Timestamps;
        for (var c = 0; c < log.CaseCount; c++)
        {
            int start = log.CaseStart(c), end = log.CaseStart(c + 1);
            seconds[c] = double.NaN;
            var begin = Array.IndexOf(from, true, start, end - start);
            if (begin < 0)
            {
                continue;
            }

            var stop = same
                ? Array.LastIndexOf(to, true, end - 1, end - begin)
                : (end - begin - 1 > 0 ? Array.IndexOf(to, true, begin + 1, end - begin - 1) : -1);
            if (stop >= 0)
            {
                seconds[c] = (timestamps[stop] - timestamps[begin]) / (double)TimeSpan.TicksPerSecond;
            }
        }

        return seconds;
    }

    /// <summary>Per case: both ends reached and more than <paramref name="within"/> apart.</summary>
    public static bool[] Breaches(EventLog log, bool[] from, bool[] to, bool same, TimeSpan within)
    {
        var elapsed = Elapsed(log, from, to, same);
        var breached = new bool[elapsed.Length];
        for (var c = 0; c < elapsed.Length; c++)
        {
            breached[c] = elapsed[c] > within.TotalSeconds;
        }

        return breached;
    }
}
