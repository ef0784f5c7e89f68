namespace Journeyscope.Server.Api.Dtos;

/// <summary>A deviation pattern: the set of deviations some cases share.</summary>
/// <param name="Pattern">The deviations, for example <c>skipped:pay, inserted:?Retry</c> (<c>?</c> marks an unmapped activity).</param>
/// <param name="Cases">Cases with exactly this pattern.</param>
/// <param name="Share">Cases / all cases checked.</param>
/// <param name="ExampleCases">Up to five example case ids.</param>
public sealed record DeviationPatternItem(string Pattern, int Cases, double Share, IReadOnlyList<string> ExampleCases);
