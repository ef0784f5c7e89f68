namespace Journeyscope.Discovery;

/// <summary>Statistics of a set of durations, in seconds (all zero when there is none).</summary>
/// <param name="Count">Number of values.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Median">Median.</param>
/// <param name="Min">Smallest.</param>
/// <param name="Max">Largest.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
public sealed record DurationSummary(long Count, double Mean, double Median, double Min, double Max, double P90, double P95)
{
    /// <summary>The statistics of the case durations <paramref name="durations"/>.</summary>
    public static DurationSummary From(CaseDurations durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        return durations.Count == 0
            ? new DurationSummary(0, 0, 0, 0, 0, 0, 0)
            : new DurationSummary(durations.Count, durations.Mean, durations.Median, durations.Min, durations.Max, durations.P90, durations.P95);
    }
}
