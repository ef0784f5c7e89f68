namespace Journeyscope.Monitoring;

/// <summary>Which earlier periods a KPI value is compared with: the same slot of the season.</summary>
public enum Seasonality
{
    /// <summary>Every earlier period (no seasonality).</summary>
    None,

    /// <summary>Periods starting on the same weekday (daily snapshots).</summary>
    Weekday,

    /// <summary>Periods starting at the same hour of the day (hourly snapshots).</summary>
    HourOfDay,

    /// <summary>Periods starting at the same hour of the same weekday (hourly snapshots with a weekly rhythm).</summary>
    HourOfWeek,
}
