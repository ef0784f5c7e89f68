using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Kpis;

/// <summary>A node of a KPI expression that yields a number, or <c>null</c> when undefined (an empty average, a division by zero).</summary>
internal abstract class ValueNode(int position)
{
    public int Position { get; } = position;

    public abstract double? Evaluate(ExpressionContext context, string expression);

    /// <summary>Adds the aggregates of this node and its children to <paramref name="sink"/>, left to right.</summary>
    public virtual void Aggregates(List<AggregateNode> sink)
    {
    }
}

internal sealed class NumberNode(int position, double value) : ValueNode(position)
{
    public override double? Evaluate(ExpressionContext context, string expression) => value;
}

internal sealed class NegateNode(int position, ValueNode inner) : ValueNode(position)
{
    public override double? Evaluate(ExpressionContext context, string expression) => -inner.Evaluate(context, expression);

    public override void Aggregates(List<AggregateNode> sink) => inner.Aggregates(sink);
}

internal sealed class BinaryNode(int position, char op, ValueNode left, ValueNode right) : ValueNode(position)
{
    public override double? Evaluate(ExpressionContext context, string expression)
    {
        if (left.Evaluate(context, expression) is not { } a || right.Evaluate(context, expression) is not { } b)
        {
            return null;
        }

        return op switch
        {
            '+' => a + b,
            '-' => a - b,
            '*' => a * b,
            _ => b == 0 ? null : a / b,
        };
    }

    public override void Aggregates(List<AggregateNode> sink)
    {
        left.Aggregates(sink);
        right.Aggregates(sink);
    }
}

/// <summary>What an aggregate reads.</summary>
internal enum FieldKind
{
    None,
    EventAttribute,
    CaseAttribute,
    CaseDuration,
}

/// <summary>
/// <c>count(events|cases where ...)</c>, <c>sum|avg|min|max(field where ...)</c>, <c>percentile(field, p where ...)</c>.
/// </summary>
internal sealed class AggregateNode(int position, string function, bool overCases, FieldKind field, string fieldName, double percentile, ConditionNode? condition)
    : ValueNode(position)
{
    public bool OverCases => overCases;

    public override void Aggregates(List<AggregateNode> sink) => sink.Add(this);

    public override double? Evaluate(ExpressionContext context, string expression)
    {
        if (context.Grid is not null)
        {
            return context.CellValue(this, expression);
        }

        var total = new Accumulator(function is "percentile");
        var cases = context.Cases;
        var caseWeights = context.Weights;
        if (context.ItemsOf(this) is { } items)
        {
            var (starts, times, values) = (items.Starts, items.Times, items.Values);
            for (var i = 0; i < cases.Length; i++)
            {
                var w = caseWeights[i];
                if (w == 0)
                {
                    continue;
                }

                for (var k = starts[cases[i]]; k < starts[cases[i] + 1]; k++)
                {
                    if (context.InPeriod(times[k]))
                    {
                        total.Add(values[k], w);
                    }
                }
            }

            return total.Result(function, percentile);
        }

        var log = context.Log;
        var bound = condition is null ? null : context.Bind(condition, expression);
        var reader = Reader(log);
        for (var i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            var w = caseWeights[i];
            if (w == 0)
            {
                continue;
            }

            if (overCases)
            {
                if (!context.CaseInPeriod(c) || (bound is not null && !bound.TestCase(c)))
                {
                    continue;
                }

                if (CaseValue(log, reader, c) is { } value)
                {
                    total.Add(value, w);
                }

                continue;
            }

            var timestamps = log.Timestamps;
            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
            {
                if (!context.InPeriod(timestamps[e]) || (bound is not null && !bound.TestEvent(c, e)))
                {
                    continue;
                }

                double value = 1;
                if (reader is not null && !reader.TryGet(e, out value))
                {
                    continue;
                }

                total.Add(value, w);
            }
        }

        return total.Result(function, percentile);
    }

    /// <summary>
    /// The aggregate in every cell of <paramref name="grid"/> over <paramref name="items"/> (every case, weight 1), in one
    /// pass: each cell adds its items in case and item order, as <see cref="Evaluate"/> does over the cell's cases and period.
    /// </summary>
    public double?[] EvaluateCells(AggregateItems items, KpiGrid grid)
    {
        var (starts, times, values) = (items.Starts, items.Times, items.Values);
        var cells = new Accumulator[grid.Count];
        for (var cell = 0; cell < cells.Length; cell++)
        {
            cells[cell] = new Accumulator(function is "percentile");
        }

        for (var c = 0; c < starts.Length - 1; c++)
        {
            for (var k = starts[c]; k < starts[c + 1]; k++)
            {
                var cell = grid.CellOf(c, times[k]);
                if (cell >= 0)
                {
                    cells[cell].Add(values[k], 1);
                }
            }
        }

        var results = new double?[cells.Length];
        for (var cell = 0; cell < cells.Length; cell++)
        {
            results[cell] = cells[cell].Result(function, percentile);
        }

        return results;
    }

    /// <summary>
    /// The items this aggregate reads from each case of the context's log, over every period: what <see cref="Evaluate"/>
    /// adds for a case of weight 1 before the period test.
    /// </summary>
    public AggregateItems Collect(ExpressionContext context, string expression)
    {
        var log = context.Log;
        var bound = condition is null ? null : context.Bind(condition, expression);
        var reader = Reader(log);
        var timestamps = log.Timestamps;
        var starts = new int[log.CaseCount + 1];
        var times = new List<long>();
        var values = new List<double>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            starts[c] = times.Count;
            if (overCases)
            {
                if (log.CaseLength(c) > 0 && (bound is null || bound.TestCase(c)) && CaseValue(log, reader, c) is { } value)
                {
                    times.Add(timestamps[log.CaseStart(c)]);
                    values.Add(value);
                }

                continue;
            }

            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
            {
                double value = 1;
                if ((bound is null || bound.TestEvent(c, e)) && (reader is null || reader.TryGet(e, out value)))
                {
                    times.Add(timestamps[e]);
                    values.Add(value);
                }
            }
        }

        starts[log.CaseCount] = times.Count;
        return new AggregateItems(starts, [.. times], [.. values]);
    }

    private NumericReader? Reader(EventLog log) => field switch
    {
        FieldKind.EventAttribute => new NumericReader(EventAttributeFilter.Column(log, fieldName)),
        FieldKind.CaseAttribute => new NumericReader(log.FindCaseAttribute(fieldName)),
        _ => null,
    };

    /// <summary>The value a case aggregate reads from case <paramref name="c"/>: 1, its duration (seconds) or its attribute; null without one.</summary>
    private double? CaseValue(EventLog log, NumericReader? reader, int c)
    {
        double value = 1;
        if (field == FieldKind.CaseDuration)
        {
            var span = log.CaseTimestamps(c);
            return (span[^1] - span[0]) / (double)TimeSpan.TicksPerSecond;
        }

        return reader is not null && !reader.TryGet(c, out value) ? null : value;
    }

    /// <summary>The sums of an aggregate, added in the cases' order (the order decides the float sums).</summary>
    private struct Accumulator(bool keepValues)
    {
        private readonly List<(double Value, int Weight)>? _values = keepValues ? [] : null;
        private double _sum;
        private double _weights;
        private double _min = double.PositiveInfinity;
        private double _max = double.NegativeInfinity;

        public void Add(double value, int w)
        {
            _sum += value * w;
            _weights += w;
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
            _values?.Add((value, w));
        }

        public readonly double? Result(string function, double percentile) => function switch
        {
            "count" => _weights,
            "sum" => _sum,
            "avg" => _weights > 0 ? _sum / _weights : null,
            "min" => _weights > 0 ? _min : null,
            "max" => _weights > 0 ? _max : null,
            _ => Percentile(_values!, _weights, percentile),
        };
    }

    /// <summary>Nearest-rank percentile over weighted values: the smallest value with at least p% of the weight at or below it.</summary>
    private static double? Percentile(List<(double Value, int Weight)> values, double total, double p)
    {
        if (total <= 0)
        {
            return null;
        }

        values.Sort(static (a, b) => a.Value.CompareTo(b.Value));
        var rank = Math.Max(1, Math.Ceiling(p / 100.0 * total));
        double seen = 0;
        foreach (var (value, weight) in values)
        {
            seen += weight;
            if (seen >= rank)
            {
                return value;
            }
        }

        return values[^1].Value;
    }
}
