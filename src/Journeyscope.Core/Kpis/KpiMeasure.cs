using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>
/// One KPI measured on one log: the observations of a built-in kind (or the bound expression of a custom KPI), from which
/// the overall value, the series per period and segment, and the values over any multiset of cases (KPI tree) follow.
/// </summary>
internal sealed partial class KpiMeasure
{
    private readonly int _caseCount;
    private readonly List<KpiObservation> _observations;
    private readonly ExpressionContext? _expression;
    private readonly long _asOf;
    private KpiSums[]? _perCase;

    private KpiMeasure(int caseCount, KpiDefinition definition, List<KpiObservation> observations, ExpressionContext? expression, long asOf, List<string> notes)
    {
        _caseCount = caseCount;
        Definition = definition;
        _observations = observations;
        _expression = expression;
        _asOf = asOf;
        Notes = notes;
    }

    public KpiDefinition Definition { get; }

    public string Id => Definition.Kpi.Id;

    public KpiUnit Unit => Definition.Kind?.Unit ?? KpiUnit.Number;

    public bool IsNetScore => Definition.Kind?.Aggregation == KpiAggregation.NetScore;

    public List<string> Notes { get; }

    private KpiAggregation Aggregation => Definition.Kind!.Aggregation;

    public static KpiMeasure Create(EventLog log, DesignedJourney? journey, KpiDefinition definition, KpiOptions options, long asOf)
    {
        if (definition.Kind is null)
        {
            return new KpiMeasure(log.CaseCount, definition, [], new ExpressionContext(log, journey), asOf, []);
        }

        var context = new KpiContext(log, journey, definition.Kpi, definition.Kind, options, asOf);
        var observations = new List<KpiObservation>();
        definition.Kind.Observe!(context, observations);
        return new KpiMeasure(log.CaseCount, definition, observations, null, asOf, context.Notes);
    }

    /// <summary>A built-in KPI over <paramref name="caseCount"/> cases from its observations (case indexes in that range) and notes.</summary>
    public static KpiMeasure Observed(int caseCount, KpiDefinition definition, List<KpiObservation> observations, long asOf, List<string> notes) =>
        new(caseCount, definition, observations, null, asOf, notes);

    /// <summary>A custom KPI over the cases of <paramref name="expression"/> (a context over the items of a partial).</summary>
    public static KpiMeasure Expressed(int caseCount, KpiDefinition definition, ExpressionContext expression, long asOf) =>
        new(caseCount, definition, [], expression, asOf, []);

    public KpiResult Summarise(KpiPeriod period, KpiSegments? segments)
    {
        var kpi = Definition.Kpi;
        var overall = Value(null, null, long.MinValue, long.MaxValue);
        var series = period == KpiPeriod.None && segments is null ? [] : Series(period, segments);
        return new KpiResult(kpi.Id, kpi.Name, Definition.Kind?.Id ?? KpiCatalogue.Custom, Definition.Kind?.Category ?? KpiCategory.Custom,
            Unit, Definition.Target, overall, series, Notes);
    }

    /// <summary>The KPI over a multiset of cases (index and weight), over the whole log period.</summary>
    public (double? Value, int SampleSize) Evaluate(int[] cases, int[] weights)
    {
        if (_expression is not null)
        {
            _expression.Cases = cases;
            _expression.Weights = weights;
            (_expression.From, _expression.To) = (long.MinValue, long.MaxValue);
            var count = 0;
            foreach (var w in weights)
            {
                count += w;
            }

            return (Definition.Expression!.Evaluate(_expression), count);
        }

        var perCase = PerCase();
        var sums = default(KpiSums);
        for (var i = 0; i < cases.Length; i++)
        {
            sums.Add(perCase[cases[i]], weights[i]);
        }

        return (sums.Value(Aggregation == KpiAggregation.Stock ? KpiAggregation.Sum : Aggregation), sums.SampleSize(Aggregation));
    }

    /// <summary>The sums of one case (built-in kinds only); for stock kinds, 1 when the case is open at the as-of moment.</summary>
    public KpiSums[] PerCase()
    {
        if (_perCase is not null)
        {
            return _perCase;
        }

        var perCase = new KpiSums[_caseCount];
        foreach (var o in _observations)
        {
            if (Definition.Kind!.Aggregation == KpiAggregation.Stock)
            {
                if (o.Time <= _asOf && o.Until > _asOf)
                {
                    perCase[o.Case].Add(o);
                }
            }
            else
            {
                perCase[o.Case].Add(o);
            }
        }

        _perCase = perCase;
        return perCase;
    }

    /// <summary>The value of one case on its own, or <c>null</c> when the case has no measurement.</summary>
    public double? CaseValue(int caseIndex)
    {
        if (_expression is not null)
        {
            (_expression.From, _expression.To) = (long.MinValue, long.MaxValue);
            return Definition.Expression!.Evaluate(WithSingle(caseIndex));
        }

        var sums = PerCase()[caseIndex];
        return sums.Count == 0 ? null : sums.Value(Aggregation == KpiAggregation.Stock ? KpiAggregation.Sum : Aggregation);
    }

    private ExpressionContext WithSingle(int caseIndex)
    {
        _expression!.Cases = [caseIndex];
        _expression.Weights = [1];
        return _expression;
    }

    /// <summary>
    /// The value over the observations (or events and cases) in [<paramref name="from"/>, <paramref name="to"/>) of the
    /// cases <paramref name="inSegment"/> accepts: one pass over all of them. The overall value; the series fills every
    /// period and segment in one pass instead (<see cref="Series"/>), equal to this per cell.
    /// </summary>
    public KpiValue Value(string? periodLabel, string? segment, long from, long to, Func<int, bool>? inSegment = null)
    {
        double? value;
        int sample;
        if (_expression is not null)
        {
            var cases = new List<int>();
            for (var c = 0; c < _caseCount; c++)
            {
                if (inSegment is null || inSegment(c))
                {
                    cases.Add(c);
                }
            }

            _expression.Cases = [.. cases];
            _expression.Weights = Enumerable.Repeat(1, cases.Count).ToArray();
            (_expression.From, _expression.To) = (from, to);
            value = Definition.Expression!.Evaluate(_expression);
            sample = 0;
            foreach (var c in cases)
            {
                sample += _expression.CaseInPeriod(c) ? 1 : 0;
            }
        }
        else if (Aggregation == KpiAggregation.Stock)
        {
            var at = to == long.MaxValue ? _asOf : to - 1;
            var open = 0;
            foreach (var o in _observations)
            {
                if (o.Time <= at && o.Until > at && (inSegment is null || inSegment(o.Case)))
                {
                    open++;
                }
            }

            (value, sample) = (open, open);
        }
        else
        {
            var sums = default(KpiSums);
            foreach (var o in _observations)
            {
                if (o.Time >= from && o.Time < to && (inSegment is null || inSegment(o.Case)))
                {
                    sums.Add(o);
                }
            }

            (value, sample) = (sums.Value(Aggregation), sums.SampleSize(Aggregation));
        }

        return Figure(periodLabel, segment, from, value, sample);
    }

    /// <summary>The value of one period (starting at <paramref name="from"/>) and segment with its status against the target.</summary>
    private KpiValue Figure(string? periodLabel, string? segment, long from, double? value, int sample)
    {
        var status = Definition.Target is { } target ? target.Evaluate(value) : (value is null ? KpiStatus.NoData : KpiStatus.NoTarget);
        return new KpiValue(periodLabel, from == long.MinValue ? null : new DateTime(from, DateTimeKind.Unspecified), segment, value, sample, status);
    }
}
