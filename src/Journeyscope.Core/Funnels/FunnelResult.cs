namespace Journeyscope.Funnels;

/// <summary>The result of a funnel: per step counts, conversions and times, per breakdown value, and the cases behind them.</summary>
/// <remarks>Immutable and thread-safe. Keeps the case ids, one byte and one int per case of the log so drop-offs can be listed.</remarks>
public sealed class FunnelResult
{
    private readonly IReadOnlyList<string> _caseIds;
    private readonly sbyte[] _depths;
    private readonly int[] _groups;
    private readonly string?[] _groupValues;

    internal FunnelResult(IReadOnlyList<string> caseIds, FunnelDefinition definition, FunnelChunk total, string?[]? groupValues, sbyte[] depths, int[] groups)
    {
        _caseIds = caseIds;
        _depths = depths;
        _groups = groups;
        _groupValues = groupValues ?? [null];
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

            breakdown.Sort((a, b) =>
            {
                var byEntered = b.Steps[0].Entered.CompareTo(a.Steps[0].Entered);
                return byEntered != 0 ? byEntered : string.CompareOrdinal(a.Value, b.Value);
            });
        }

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
    public int DepthOf(int caseIndex) => _depths[caseIndex];

    /// <summary>The breakdown value of case <paramref name="caseIndex"/> (read on its chosen attempt), or <c>null</c>.</summary>
    public string? BreakdownValueOf(int caseIndex) => _groupValues[_groups[caseIndex]];

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

        for (var c = 0; c < _depths.Length; c++)
        {
            var depth = _depths[c];
            if ((exact ? depth == step : depth >= step) &&
                (!filterByBreakdown || string.Equals(_groupValues[_groups[c]], breakdownValue, StringComparison.Ordinal)))
            {
                ids.Add(_caseIds[c]);
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
            var entered = group.Entered[j];
            var converted = j + 1 < count ? group.Entered[j + 1] : entered;
            var previous = j == 0 ? entered : group.Entered[j - 1];
            var first = group.Entered[0];
            var fromFirst = group.FromFirst[j].Span;
            var fromPrevious = group.FromPrevious[j].Span;
            fromFirst.Sort();
            fromPrevious.Sort();
            result[j] = new FunnelStepResult(
                j,
                definition.Steps[j].Label,
                entered,
                converted,
                entered - converted,
                j == 0 ? (entered > 0 ? 1 : 0) : Ratio(entered, previous),
                Ratio(entered, first),
                Quantile(fromFirst, 0.5),
                Quantile(fromFirst, 0.9),
                Quantile(fromPrevious, 0.5),
                Quantile(fromPrevious, 0.9));
        }

        return result;
    }

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
