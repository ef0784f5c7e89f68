using Journeyscope.Filters;

namespace Journeyscope.Kpis;

/// <summary>A node of a KPI expression that yields a number, or <c>null</c> when undefined (an empty average, a division by zero).</summary>
internal abstract class ValueNode(int position)
{
    public int Position { get; } = position;

    public abstract double? Evaluate(ExpressionContext context, string expression);
}

internal sealed class NumberNode(int position, double value) : ValueNode(position)
{
    public override double? Evaluate(ExpressionContext context, string expression) => value;
}

internal sealed class NegateNode(int position, ValueNode inner) : ValueNode(position)
{
    public override double? Evaluate(ExpressionContext context, string expression) => -inner.Evaluate(context, expression);
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

    public override double? Evaluate(ExpressionContext context, string expression)
    {
        var log = context.Log;
        var bound = condition is null ? null : context.Bind(condition, expression);
        var reader = field switch
        {
            FieldKind.EventAttribute => new NumericReader(EventAttributeFilter.Column(log, fieldName)),
            FieldKind.CaseAttribute => new NumericReader(log.FindCaseAttribute(fieldName)),
            _ => null,
        };
        var values = function is "percentile" ? new List<(double Value, int Weight)>() : null;
        double sum = 0, weights = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        var cases = context.Cases;
        var caseWeights = context.Weights;
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

                double value = 1;
                if (field == FieldKind.CaseDuration)
                {
                    var span = log.CaseTimestamps(c);
                    value = (span[^1] - span[0]) / (double)TimeSpan.TicksPerSecond;
                }
                else if (reader is not null && !reader.TryGet(c, out value))
                {
                    continue;
                }

                Add(value, w);
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

                Add(value, w);
            }
        }

        return function switch
        {
            "count" => weights,
            "sum" => sum,
            "avg" => weights > 0 ? sum / weights : null,
            "min" => weights > 0 ? min : null,
            "max" => weights > 0 ? max : null,
            _ => Percentile(values!, weights, percentile),
        };

        void Add(double value, int w)
        {
            sum += value * w;
            weights += w;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            values?.Add((value, w));
        }
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
