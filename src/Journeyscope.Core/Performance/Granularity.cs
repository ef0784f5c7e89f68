namespace Journeyscope.Performance;

/// <summary>The length of the periods of a time series.</summary>
public enum Granularity
{
    /// <summary>Calendar days (midnight to midnight).</summary>
    Day,

    /// <summary>ISO weeks, Monday 00:00 to the next Monday 00:00.</summary>
    Week,
}
