namespace Journeyscope.Discovery;

/// <summary>The waits before the events of one activity: the time since the previous event of the same case.</summary>
/// <param name="Activity">The activity code (index into the log's activity names).</param>
/// <param name="Count">Number of waits: the activity's events that are not first in their case.</param>
/// <param name="TotalSeconds">Sum of the waits, seconds (summed exactly in ticks).</param>
/// <param name="MedianSeconds">Median wait (mean of the two middle values for an even count), seconds; NaN when none.</param>
public readonly record struct ActivityWait(int Activity, long Count, double TotalSeconds, double MedianSeconds)
{
    /// <summary>Mean wait, seconds; null when there is none.</summary>
    public double? MeanSeconds => Count == 0 ? null : TotalSeconds / Count;
}
