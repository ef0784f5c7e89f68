namespace Journeyscope.Agenda;

/// <summary>Options of <see cref="ImprovementAnalysis"/>.</summary>
public sealed class ImprovementOptions
{
    /// <summary>The defaults (docs/value-tracking.md).</summary>
    public static ImprovementOptions Default { get; } = new();

    /// <summary>Bootstrap resamples of the difference-in-differences interval (default 1000).</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>The bootstrap's seed (default 1): the same log gives the same interval.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The fewest cases each group needs before a verdict is given (default 30).</summary>
    public int MinCases { get; init; } = 30;

    /// <summary>The fewest days with cases before and after the change a time series needs (default 14).</summary>
    public int MinDays { get; init; } = 14;
}
