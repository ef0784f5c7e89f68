namespace Journeyscope.Server.Api.Dtos;

/// <summary>Statistics of a set of durations, in seconds.</summary>
/// <param name="Count">Number of values.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Median">Median.</param>
/// <param name="Min">Smallest.</param>
/// <param name="Max">Largest.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P95">95th percentile.</param>
public sealed record DurationStatistics(long Count, double Mean, double Median, double Min, double Max, double P90, double P95);
