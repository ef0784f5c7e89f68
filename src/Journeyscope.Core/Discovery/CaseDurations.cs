using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>The duration of every case (last minus first timestamp) and their summary statistics, in seconds.</summary>
/// <remarks>
/// Exact: every duration is kept. Percentiles interpolate linearly between closest ranks (numpy's default); all
/// statistics are NaN for a log without cases. Immutable and thread-safe.
/// </remarks>
public sealed class CaseDurations
{
    private readonly long[] _sortedTicks;
    private readonly double[] _sortedSeconds;
    private readonly double[] _byCase;

    internal CaseDurations(long[] sortedTicks, double[] byCase, TimeBasis timeBasis)
    {
        _byCase = byCase;
        _sortedTicks = sortedTicks;
        _sortedSeconds = new double[sortedTicks.Length];
        for (var i = 0; i < sortedTicks.Length; i++)
        {
            _sortedSeconds[i] = SortedStatistics.Seconds(sortedTicks[i]);
        }

        TimeBasis = timeBasis;
        var sum = SortedStatistics.SumTicks(sortedTicks);
        Mean = sortedTicks.Length == 0 ? double.NaN : SortedStatistics.Seconds(sum) / sortedTicks.Length;
        Median = SortedStatistics.Median(sortedTicks);
        Min = sortedTicks.Length == 0 ? double.NaN : _sortedSeconds[0];
        Max = sortedTicks.Length == 0 ? double.NaN : _sortedSeconds[^1];
        P90 = SortedStatistics.Percentile(sortedTicks, 0.90);
        P95 = SortedStatistics.Percentile(sortedTicks, 0.95);
    }

    /// <summary>Every case duration in seconds, ascending.</summary>
    public IReadOnlyList<double> AllSorted => _sortedSeconds;

    /// <summary>
    /// The duration of each case in seconds, indexed by case index of the log; NaN for a case the computation did not
    /// cover (only when finishing a partial of some of the cases).
    /// </summary>
    public IReadOnlyList<double> ByCase => _byCase;

    /// <summary>Number of cases.</summary>
    public int Count => _sortedTicks.Length;

    /// <summary>Mean duration, seconds.</summary>
    public double Mean { get; }

    /// <summary>Median duration, seconds.</summary>
    public double Median { get; }

    /// <summary>Shortest duration, seconds.</summary>
    public double Min { get; }

    /// <summary>Longest duration, seconds.</summary>
    public double Max { get; }

    /// <summary>90th percentile, seconds.</summary>
    public double P90 { get; }

    /// <summary>95th percentile, seconds.</summary>
    public double P95 { get; }

    /// <summary>The time basis of the durations.</summary>
    public TimeBasis TimeBasis { get; }

    /// <summary>The <paramref name="percent"/> percentile (0 to 100) with linear interpolation, seconds.</summary>
    public double Percentile(double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return SortedStatistics.Percentile(_sortedTicks, percent / 100);
    }

    /// <summary>Computes the case durations of <paramref name="log"/>.</summary>
    public static CaseDurations Discover(EventLog log, DiscoveryOptions? options = null, CancellationToken cancellationToken = default) =>
        DiscoveryResult.Discover(log, options, cancellationToken).CaseDurations;
}
