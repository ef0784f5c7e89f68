using System.Globalization;

namespace Journeyscope.Kpis;

/// <summary>Calendar periods over timestamps (ticks in the log's time basis).</summary>
internal static class KpiPeriods
{
    public static long Start(long ticks, KpiPeriod period)
    {
        var time = new DateTime(ticks, DateTimeKind.Unspecified);
        return period switch
        {
            KpiPeriod.Day => time.Date.Ticks,
            KpiPeriod.Week => time.Date.AddDays(-(((int)time.DayOfWeek + 6) % 7)).Ticks,
            KpiPeriod.Month => new DateTime(time.Year, time.Month, 1).Ticks,
            KpiPeriod.Quarter => new DateTime(time.Year, (((time.Month - 1) / 3) * 3) + 1, 1).Ticks,
            KpiPeriod.Year => new DateTime(time.Year, 1, 1).Ticks,
            _ => long.MinValue,
        };
    }

    public static long Next(long start, KpiPeriod period)
    {
        var time = new DateTime(start, DateTimeKind.Unspecified);
        return period switch
        {
            KpiPeriod.Day => time.AddDays(1).Ticks,
            KpiPeriod.Week => time.AddDays(7).Ticks,
            KpiPeriod.Month => time.AddMonths(1).Ticks,
            KpiPeriod.Quarter => time.AddMonths(3).Ticks,
            KpiPeriod.Year => time.AddYears(1).Ticks,
            _ => long.MaxValue,
        };
    }

    public static string Label(long start, KpiPeriod period)
    {
        var time = new DateTime(start, DateTimeKind.Unspecified);
        return period switch
        {
            KpiPeriod.Day => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            KpiPeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(time)}-W{ISOWeek.GetWeekOfYear(time):00}"),
            KpiPeriod.Month => time.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            KpiPeriod.Quarter => string.Create(CultureInfo.InvariantCulture, $"{time.Year}-Q{((time.Month - 1) / 3) + 1}"),
            _ => time.Year.ToString(CultureInfo.InvariantCulture),
        };
    }
}
