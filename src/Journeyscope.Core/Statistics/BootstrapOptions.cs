namespace Journeyscope.Statistics;

/// <summary>How a case-level bootstrap is drawn: the number of replicates, the seed and the confidence level.</summary>
public sealed class BootstrapOptions
{
    /// <summary>1,000 replicates, seed 7, 95 % intervals.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <summary>Bootstrap replicates (default 1,000; at least 10 for an interval).</summary>
    public int Replicates { get; init; } = 1000;

    /// <summary>The seed: the same seed and the same case ids give the same weights, so the same intervals.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>The confidence level of the intervals (default 0.95).</summary>
    public double Confidence { get; init; } = 0.95;
}
