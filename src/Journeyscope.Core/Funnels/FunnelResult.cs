namespace Journeyscope.Funnels;

/// <summary>The result of a funnel: per step counts, conversions and times, per breakdown value, and the cases behind them.</summary>
/// <remarks>
/// Immutable and thread-safe. Keeps the case ids, one byte and one int per case of the log so drop-offs can be listed; a
/// result finished from partials builds that table on the first request for cases (<see cref="FunnelPartial.Finish"/>).
/// </remarks>
public sealed class FunnelResult
{
    private readonly Lazy<FunnelCases> _cases;

    internal FunnelResult(IReadOnlyList<string> caseIds, FunnelDefinition definition, FunnelChunk total, string?[]? groupValues, sbyte[] depths, int[] groups)
    {
        var cases = new FunnelCases(caseIds, depths, groups, groupValues ?? [null]);
        _cases = new Lazy<FunnelCases>(cases);
        Definition = definition;
        CaseCount = caseIds.Count;
        var all = new FunnelChunk.Group(total.StepCount);
        var keys = new List<int>(total.Groups.Keys);
        keys.Sort();
        foreach (var key in keys)
        {
            all.Merge(total.Groups[key]);
        }

        Steps = Summarise(definition, all);
        var breakdown = new List<FunnelBreakdown>();
        if (groupValues is not null)
        {
            foreach (var key in keys)
            {
                breakdown.Add(new FunnelBreakdown(groupValues[key], Summarise(definition, total.Groups[key])));
            }

            SortBreakdown(breakdown);
        }

        Breakdown = breakdown;
    }

    /// <summary>A result whose figures are already summarised and whose case table is built on first use.</summary>
    internal FunnelResult(
        FunnelDefinition definition, int caseCount, IReadOnlyList<FunnelStepResult> steps, List<FunnelBreakdown> breakdown, Func<FunnelCases> cases)
    {
        _cases = new Lazy<FunnelCases>(cases, LazyThreadSafetyMode.ExecutionAndPublication);
        Definition = definition;
        CaseCount = caseCount;
        Steps = steps;
        SortBreakdown(breakdown);
        Breakdown = breakdown;
    }

    /// <summary>The funnel that was computed.</summary>
    public FunnelDefinition Definition { get; }

    /// <summary>Cases in the log (entered the funnel or not).</summary>
    public int CaseCount { get; }

    /// <summary>The results per step, over all cases.</summary>
    public IReadOnlyList<FunnelStepResult> Steps { get; }

    /// <summary>The results per breakdown value, largest first step first; empty without a breakdown.</summary>
    public IReadOnlyList<FunnelBreakdown> Breakdown { get; }

    /// <summary>The deepest step (0-based) case <paramref name="caseIndex"/> reached, or -1 when it never did step 1.</summary>
    public int DepthOf(int caseIndex) => _cases.Value.Depths[caseIndex];

    /// <summary>The breakdown value of case <paramref name="caseIndex"/> (read on its chosen attempt), or <c>null</c>.</summary>
    public string? BreakdownValueOf(int caseIndex)
    {
        var cases = _cases.Value;
        return cases.Values[cases.Groups[caseIndex]];
    }

    /// <summary>
    /// The ids of the cases that reached step <paramref name="step"/> (0-based) and not the next one (the drop-offs after that
    /// step), in log order; empty for the last step.
    /// </summary>
    public IReadOnlyList<string> DropOffCaseIds(int step) => CaseIds(step, exact: true, null, filterByBreakdown: false);

    /// <summary>The drop-offs after step <paramref name="step"/> among the cases whose breakdown value is <paramref name="breakdownValue"/> (<c>null</c>: no value).</summary>
    public IReadOnlyList<string> DropOffCaseIds(int step, string? breakdownValue) => CaseIds(step, exact: true, breakdownValue, filterByBreakdown: true);

    /// <summary>The ids of the cases that reached step <paramref name="step"/> (0-based) or a later one, in log order.</summary>
    public IReadOnlyList<string> CaseIdsReaching(int step) => CaseIds(step, exact: false, null, filterByBreakdown: false);

    private List<string> CaseIds(int step, bool exact, string? breakdownValue, bool filterByBreakdown)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, Steps.Count);
        var ids = new List<string>();
        if (exact && step == Steps.Count - 1)
        {
            return ids;
        }

        var (caseIds, depths, groups, values) = _cases.Value;
        for (var c = 0; c < depths.Length; c++)
        {
            var depth = depths[c];
            if ((exact ? depth == step : depth >= step) &&
                (!filterByBreakdown || string.Equals(values[groups[c]], breakdownValue, StringComparison.Ordinal)))
            {
                ids.Add(caseIds[c]);
            }
        }

        return ids;
    }

    private static FunnelStepResult[] Summarise(FunnelDefinition definition, FunnelChunk.Group group)
    {
        var count = definition.Steps.Count;
        var result = new FunnelStepResult[count];
        for (var j = 0; j < count; j++)
        {
            var fromFirst = group.FromFirst[j].Span;
            var fromPrevious = group.FromPrevious[j].Span;
            fromFirst.Sort();
            fromPrevious.Sort();
            result[j] = Step(
                definition, group.Entered, j, Quantile(fromFirst, 0.5), Quantile(fromFirst, 0.9), Quantile(fromPrevious, 0.5), Quantile(fromPrevious, 0.9));
        }

        return result;
    }

    /// <summary>
    /// Step <paramref name="j"/> of the cases whose step counts are <paramref name="entered"/>, with the median and 90th
    /// percentile of their times from the first and from the previous step.
    /// </summary>
    internal static FunnelStepResult Step(
        FunnelDefinition definition, long[] entered, int j, TimeSpan? medianFromFirst, TimeSpan? p90FromFirst, TimeSpan? medianFromPrevious,
        TimeSpan? p90FromPrevious)
    {
        var count = definition.Steps.Count;
        var here = entered[j];
        var converted = j + 1 < count ? entered[j + 1] : here;
        var previous = j == 0 ? here : entered[j - 1];
        var first = entered[0];
        return new FunnelStepResult(
            j,
            definition.Steps[j].Label,
            here,
            converted,
            here - converted,
            j == 0 ? (here > 0 ? 1 : 0) : Ratio(here, previous),
            Ratio(here, first),
            medianFromFirst,
            p90FromFirst,
            medianFromPrevious,
            p90FromPrevious);
    }

    /// <summary>Largest first step first, then by value (ordinal): the order every surface shows.</summary>
    private static void SortBreakdown(List<FunnelBreakdown> breakdown) =>
        breakdown.Sort((a, b) =>
        {
            var byEntered = b.Steps[0].Entered.CompareTo(a.Steps[0].Entered);
            return byEntered != 0 ? byEntered : string.CompareOrdinal(a.Value, b.Value);
        });

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>Linear interpolation between closest ranks (numpy's default, DuckDB's quantile_cont), rounded to a tick.</summary>
    internal static TimeSpan? Quantile(ReadOnlySpan<long> sorted, double fraction)
    {
        if (sorted.IsEmpty)
        {
            return null;
        }

        var position = (sorted.Length - 1) * fraction;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var value = sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
        return TimeSpan.FromTicks((long)Math.Round(value));
    }
}
