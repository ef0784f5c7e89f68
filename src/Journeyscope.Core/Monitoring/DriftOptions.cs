namespace Journeyscope.Monitoring;

/// <summary>The parameters of process drift detection (docs/monitoring.md, "Process drift", explains how to tune them).</summary>
public sealed class DriftOptions
{
    /// <summary>The smallest window when none is given: 200 cases on each side of a boundary (the lag of the literature's evaluation).</summary>
    public const int DefaultWindow = 200;

    /// <summary>The smallest window the detector accepts: below it a 2x2 test has too little power to be useful.</summary>
    public const int MinWindow = 20;

    /// <summary>The defaults: adaptive windows from 200 cases, alpha 0.01, persistence 5.</summary>
    public static DriftOptions Default { get; } = new();

    /// <summary>
    /// The window in cases on each side of a boundary, or <c>null</c> for adaptive windows: 200, 400 and 800 cases
    /// (as far as the log allows), the larger ones catching weaker, frequency-only changes.
    /// </summary>
    public int? Window { get; init; }

    /// <summary>The chance of a false change point per window scale over a stretch of stable cases (family-wise, Bonferroni).</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>How many consecutive tested boundaries must be significant before a change is reported.</summary>
    public int Persistence { get; init; } = 5;

    /// <summary>Tested boundaries per window: one every <c>window / StridesPerWindow</c> cases.</summary>
    public int StridesPerWindow { get; init; } = 20;

    /// <summary>A feature is tested only when it is present in, and absent from, at least this many cases of the two windows.</summary>
    public int MinSupport { get; init; } = 5;

    /// <summary>How many of the most frequent variants are features besides activities and directly-follows relations.</summary>
    public int MaxVariants { get; init; } = 50;

    /// <summary>How many plain-word changes each change point reports at most.</summary>
    public int MaxChanges { get; init; } = 10;

    /// <summary>
    /// Builds the per-case features with the sequential reference pass instead of the parallel one. The results are the
    /// same; <c>journeyscope bench drift</c> times both and checks that they are.
    /// </summary>
    public bool ReferenceFeatures { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a parameter is out of range (its message is <see cref="Problem"/>).</summary>
    public void Validate()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentOutOfRangeException(problem, (Exception?)null);
        }
    }

    /// <summary>What is wrong with the parameters, in one sentence for the user; <c>null</c> when they are valid.</summary>
    public string? Problem() =>
        Window is { } w && w < MinWindow ? $"The window must be at least {MinWindow} cases, got {w}."
        : !(Alpha > 0 && Alpha < 1) ? $"Alpha must be between 0 and 1 (exclusive), got {Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}."
        : Persistence < 1 ? $"Persistence must be at least 1, got {Persistence}."
        : StridesPerWindow < 1 ? $"StridesPerWindow must be at least 1, got {StridesPerWindow}."
        : MinSupport < 1 ? $"MinSupport must be at least 1, got {MinSupport}."
        : MaxVariants < 0 ? $"MaxVariants must not be negative, got {MaxVariants}."
        : MaxChanges < 1 ? $"MaxChanges must be at least 1, got {MaxChanges}."
        : null;
}
