namespace Journeyscope.Conformance;

/// <summary>The token-based replay of a whole log, computed once per variant.</summary>
/// <param name="Variants">One replay per variant, most frequent variant first (ties by first case).</param>
/// <param name="VariantActivities">Each variant's activity sequence, in the order of <paramref name="Variants"/>.</param>
/// <param name="CaseVariants">For each case, the index of its variant.</param>
public sealed record TokenReplayResult(IReadOnlyList<TokenReplayTrace> Variants, IReadOnlyList<IReadOnlyList<string>> VariantActivities, IReadOnlyList<int> CaseVariants)
{
    /// <summary>PM4Py's log fitness: <c>½(1 − Σmissing/Σconsumed) + ½(1 − Σremaining/Σproduced)</c> over cases.</summary>
    public double LogFitness { get; init; }

    /// <summary>The mean trace fitness over cases.</summary>
    public double AverageTraceFitness { get; init; }

    /// <summary>The percentage (0–100) of cases that replay without missing or remaining tokens.</summary>
    public double PercentageOfFittingTraces { get; init; }

    /// <summary>The replay of one case.</summary>
    public TokenReplayTrace ForCase(int caseIndex) => Variants[CaseVariants[caseIndex]];
}
