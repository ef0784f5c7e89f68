using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Journeys;
using Journeyscope.Statistics;

namespace Journeyscope.Agenda;

/// <summary>
/// Value tracking: did an improvement move its KPI? Difference-in-differences against the segments that did not get it
/// (seeded case-level bootstrap interval), or an interrupted time series with weekday seasonality when everyone got it,
/// a plain verdict and the value realised so far (docs/value-tracking.md).
/// </summary>
public static partial class ImprovementAnalysis
{
    /// <summary>The verdict when the interval excludes zero.</summary>
    public const string EffectDetected = "effect detected";

    /// <summary>The verdict when the interval covers zero.</summary>
    public const string NoEffectDetected = "no effect detected";

    /// <summary>The verdict when a group is still too small for an interval worth reading.</summary>
    public const string NotEnoughData = "not enough data yet";

    /// <summary>The method with a comparison group.</summary>
    public const string DifferenceInDifferences = "difference-in-differences";

    /// <summary>The method without one.</summary>
    public const string InterruptedTimeSeries = "interrupted-time-series";

    /// <summary>Reports the improvement's effect on <paramref name="log"/> (the outcome filter form).</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="improvement">The improvement.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <exception cref="FilterParseException">The improvement's outcome is not a valid filter.</exception>
    /// <exception cref="ArgumentException">Its segment attribute is not in the log, or it names a KPI (use the overload with the journey).</exception>
    public static ImprovementReport Report(
        EventLog log, long version, Improvement improvement, ImprovementOptions? options = null, CancellationToken cancellationToken = default) =>
        Report(log, version, improvement, null, options, cancellationToken);

    /// <summary>
    /// Reports the improvement's effect on <paramref name="log"/>: on its outcome filter, or on the journey KPI it names
    /// (<see cref="Improvement.Kpi"/>), valued with the journey's <c>value:</c> entry when it records no value per unit.
    /// </summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="version">The workspace version the log was read at.</param>
    /// <param name="improvement">The improvement.</param>
    /// <param name="journey">The journey <see cref="Improvement.Kpi"/> belongs to; may be null for the outcome filter form.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <exception cref="FilterParseException">The improvement's outcome is not a valid filter.</exception>
    /// <exception cref="ArgumentException">
    /// Its segment attribute is not in the log; or its KPI is not a KPI of <paramref name="journey"/> with a per-case value.
    /// </exception>
    /// <exception cref="Kpis.KpiException">A KPI of the journey is misconfigured.</exception>
    public static ImprovementReport Report(
        EventLog log, long version, Improvement improvement, DesignedJourney? journey, ImprovementOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(improvement);
        options ??= ImprovementOptions.Default;
        var notes = new List<string>();
        var measure = Measure(log, improvement, journey, notes, cancellationToken);
        var after = new bool[log.CaseCount];
        var from = improvement.From.UtcTicks;
        for (var c = 0; c < after.Length; c++)
        {
            after[c] = log.Timestamps[log.CaseStart(c)] >= from;
        }

        ImprovementReport result;
        if (improvement.SegmentAttribute is { } attribute)
        {
            var treated = SegmentMask(log, attribute, improvement.SegmentValue ?? "");
            result = WithComparison(log, version, improvement, measure, after, treated, options, notes);
        }
        else
        {
            result = TimeSeries(log, version, improvement, measure, options, notes, cancellationToken);
        }

        return result with { ValueRealised = Value(measure, result), Measure = measure.Kind };
    }

    private static ImprovementValue? Value(ImprovementMeasure measure, ImprovementReport report)
    {
        if (measure.ValuePerUnit is not { } perUnit || report.Effect is not { } effect || report.Low is not { } low || report.High is not { } high)
        {
            return null;
        }

        var cases = report.After.Cases;
        var a = low * cases * perUnit;
        var b = high * cases * perUnit;
        return new ImprovementValue(effect * cases * perUnit, Math.Min(a, b), Math.Max(a, b), measure.Unit);
    }

    /// <summary>Which cases are in the segment: a case attribute with that value, else a case with an event carrying it.</summary>
    private static bool[] SegmentMask(EventLog log, string attribute, string value)
    {
        var mask = new bool[log.CaseCount];
        if (log.FindCaseAttribute(attribute) is { } caseColumn)
        {
            for (var c = 0; c < mask.Length; c++)
            {
                mask[c] = caseColumn.GetValue(c) is { } v && string.Equals(v.ToString(), value, StringComparison.Ordinal);
            }

            return mask;
        }

        var eventColumn = EventAttributeFilter.Column(log, attribute)
            ?? throw new ArgumentException($"The log has no case or event attribute '{attribute}'.", nameof(attribute));
        for (var c = 0; c < mask.Length; c++)
        {
            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1) && !mask[c]; e++)
            {
                mask[c] = eventColumn.GetValue(e) is { } v && string.Equals(v.ToString(), value, StringComparison.Ordinal);
            }
        }

        return mask;
    }

    private static ImprovementReport WithComparison(
        EventLog log, long version, Improvement improvement, ImprovementMeasure measure, bool[] after, bool[] treated, ImprovementOptions options, List<string> notes)
    {
        // Cells: 0 comparison before, 1 comparison after, 2 treated before, 3 treated after. Cases without a measurement are left out.
        var members = new List<int>[4] { [], [], [], [] };
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (measure.Denominator[c] > 0)
            {
                members[(treated[c] ? 2 : 0) + (after[c] ? 1 : 0)].Add(c);
            }
        }

        var cases = members.Select(m => m.Count).ToArray();
        var cells = members.Select(measure.Cell).ToArray();
        notes.Add($"Comparison group: cases not in {improvement.SegmentAttribute} = {improvement.SegmentValue}. Assumes their {measure.What} would have moved as the changed group's did (parallel trends).");
        const string IntervalText = "seeded case-level bootstrap (percentile, per group)";
        if (cases.Min() < options.MinCases)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Each group needs {options.MinCases} cases; the smallest has {cases.Min()}."));
            return new ImprovementReport(log.TimeBasis, version, improvement, DifferenceInDifferences, NotEnoughData, null, null, null, IntervalText,
                cells[2], cells[3], cells[0], cells[1], null, notes);
        }

        // The shared seeded case-level Poisson bootstrap (Core/Statistics): one mergeable partial of the four groups' rates.
        var partial = new BootstrapPartial(4, options.Resamples, options.Seed);
        var weights = PoissonWeights.Table(PoissonWeights.CaseKeys(log.CaseIds), options.Resamples, options.Seed);
        var width = options.Resamples + 1;
        for (var c = 0; c < log.CaseCount; c++)
        {
            // Cases without a measurement are left out, as in the cells; a ratio KPI resamples numerator and denominator together.
            if (measure.Denominator[c] > 0)
            {
                partial.Add(weights.AsSpan((c * width) + 1, options.Resamples), (treated[c] ? 2 : 0) + (after[c] ? 1 : 0), measure.Numerator[c], measure.Denominator[c]);
            }
        }

        var draws = new double[width];
        for (var r = 0; r < width; r++)
        {
            draws[r] = (partial.Ratio(r, 3) - partial.Ratio(r, 2)) - (partial.Ratio(r, 1) - partial.Ratio(r, 0));
        }

        var estimate = Differences.Finish(draws, cases[2] + cases[3], cases[0] + cases[1], 0.95);
        var effect = estimate.Value ?? double.NaN;
        double low = estimate.Low ?? double.NaN, high = estimate.High ?? double.NaN;
        var verdict = low > 0 || high < 0 ? EffectDetected : NoEffectDetected;
        return new ImprovementReport(log.TimeBasis, version, improvement, DifferenceInDifferences, verdict, effect, low, high, IntervalText,
            cells[2], cells[3], cells[0], cells[1], null, notes);
    }
}
