namespace Journeyscope.Discovery;

/// <summary>The seconds between the two events of every occurrence of one directly-follows edge.</summary>
/// <param name="From">The code of the earlier activity.</param>
/// <param name="To">The code of the later activity.</param>
/// <param name="Count">Number of occurrences (the edge's frequency).</param>
/// <param name="Mean">Arithmetic mean, seconds.</param>
/// <param name="Median">Median (mean of the two middle values for an even count), seconds.</param>
/// <param name="Min">Smallest value, seconds.</param>
/// <param name="Max">Largest value, seconds.</param>
/// <param name="Sum">Sum, seconds (summed exactly in ticks).</param>
/// <param name="StandardDeviation">Sample standard deviation (n - 1), seconds; null when <paramref name="Count"/> is 1.</param>
/// <param name="P90">90th percentile with linear interpolation (numpy's default), seconds.</param>
public readonly record struct EdgePerformance(
    int From,
    int To,
    long Count,
    double Mean,
    double Median,
    double Min,
    double Max,
    double Sum,
    double? StandardDeviation,
    double P90);
