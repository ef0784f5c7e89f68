namespace Journeyscope.Conformance;

/// <summary>A deviation pattern as results show it: its text, its plain words, its deviations, how many cases share it and examples.</summary>
/// <param name="Pattern">The deviations as stable codes, for example <c>skipped:pay, inserted:?Retry</c> (<c>?</c> marks an unmapped activity).</param>
/// <param name="Description">The deviations in plain words with touchpoint names, for example
/// <c>skipped Send onboarding email; did Escalate ticket more than once</c> (<see cref="DeviationWording"/>).</param>
/// <param name="Deviations">The deviations one by one.</param>
/// <param name="Cases">Cases with exactly this pattern.</param>
/// <param name="Share">Cases / all cases checked.</param>
/// <param name="ExampleCases">Example case ids.</param>
public sealed record DeviationPatternFigure(
    string Pattern, string Description, IReadOnlyList<DeviationItem> Deviations, int Cases, double Share, IReadOnlyList<string> ExampleCases)
{
    /// <summary>The figure of a pattern, worded with <paramref name="touchpointNames"/> (touchpoint id to display name).</summary>
    public static DeviationPatternFigure From(DeviationPattern pattern, IReadOnlyDictionary<string, string> touchpointNames)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new DeviationPatternFigure(
            pattern.ToString(), DeviationWording.Describe(pattern.Items, touchpointNames), pattern.Items, pattern.Cases, pattern.Share,
            pattern.ExampleCaseIds);
    }
}
