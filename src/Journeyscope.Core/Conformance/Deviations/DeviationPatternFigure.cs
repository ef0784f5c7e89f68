namespace Journeyscope.Conformance;

/// <summary>A deviation pattern as results show it: its text, its deviations, how many cases share it and examples.</summary>
/// <param name="Pattern">The deviations as text, for example <c>skipped:pay, inserted:?Retry</c> (<c>?</c> marks an unmapped activity).</param>
/// <param name="Deviations">The deviations one by one.</param>
/// <param name="Cases">Cases with exactly this pattern.</param>
/// <param name="Share">Cases / all cases checked.</param>
/// <param name="ExampleCases">Example case ids.</param>
public sealed record DeviationPatternFigure(string Pattern, IReadOnlyList<DeviationItem> Deviations, int Cases, double Share, IReadOnlyList<string> ExampleCases)
{
    /// <summary>The figure of a pattern.</summary>
    public static DeviationPatternFigure From(DeviationPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new DeviationPatternFigure(pattern.ToString(), pattern.Items, pattern.Cases, pattern.Share, pattern.ExampleCaseIds);
    }
}
