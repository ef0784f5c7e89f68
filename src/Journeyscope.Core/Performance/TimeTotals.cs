namespace Journeyscope.Performance;

/// <summary>A time measure over all cases, in seconds.</summary>
/// <param name="Total">Sum over cases.</param>
/// <param name="Mean">Mean per case.</param>
public sealed record TimeTotals(double Total, double Mean)
{
    /// <summary>The totals of <paramref name="total"/> and <paramref name="mean"/>, in seconds.</summary>
    public static TimeTotals From(TimeSpan total, TimeSpan mean) => new(total.TotalSeconds, mean.TotalSeconds);
}
