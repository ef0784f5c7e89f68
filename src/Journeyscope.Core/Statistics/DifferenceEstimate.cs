namespace Journeyscope.Statistics;

/// <summary>A difference between exposed and unexposed cases (exposed − unexposed) with its bootstrap interval.</summary>
/// <param name="Value">The difference on the observed sample, or <c>null</c> when a group is empty.</param>
/// <param name="Low">Lower bound of the percentile interval, or <c>null</c> without enough valid replicates.</param>
/// <param name="High">Upper bound of the percentile interval, or <c>null</c>.</param>
/// <param name="PValue">Two-sided p-value of "no difference" (normal approximation with the bootstrap standard error), or <c>null</c>.</param>
/// <param name="Exposed">The exposed group's size (its denominator sum: cases, or answers for a survey score).</param>
/// <param name="Unexposed">The unexposed group's size.</param>
public sealed record DifferenceEstimate(double? Value, double? Low, double? High, double? PValue, double Exposed, double Unexposed)
{
    /// <summary>No estimate: a group is empty.</summary>
    public static DifferenceEstimate None(double exposed, double unexposed) => new(null, null, null, null, exposed, unexposed);

    /// <summary>Whether the interval excludes zero.</summary>
    public bool ExcludesZero => Low is { } low && High is { } high && (low > 0 || high < 0);
}
