namespace Journeyscope.Conformance;

/// <summary>A deviation pattern: the sorted set of deviations of a case, shared by <see cref="Cases"/> cases.</summary>
/// <param name="Items">The deviations, sorted by kind then subject; never empty.</param>
/// <param name="Cases">Cases whose deviation set is exactly <paramref name="Items"/>.</param>
/// <param name="Share">Share of all cases, in [0, 1].</param>
/// <param name="ExampleCaseIds">Up to <see cref="DeviationOptions.ExampleCases"/> case ids, in log order.</param>
public sealed record DeviationPattern(IReadOnlyList<DeviationItem> Items, int Cases, double Share, IReadOnlyList<string> ExampleCaseIds)
{
    /// <summary>The items joined with <c>, </c>, for example <c>skipped:pay, repeated:ship</c>.</summary>
    public override string ToString() => string.Join(", ", Items);
}
