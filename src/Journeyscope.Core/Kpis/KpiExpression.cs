using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>
/// A custom KPI: a small expression language over counts, sums, averages, extremes, percentiles and ratios of event
/// and case sets, with arithmetic on numbers, percentages and durations (grammar in docs/kpis.md). No arbitrary code.
/// </summary>
/// <example><c>count(cases where time_target_breached(delivery-3d)) / count(cases)</c>,
/// <c>avg(event.score where activity == "NPS survey")</c>, <c>percentile(duration, 90) / 1d</c>.</example>
/// <remarks>Immutable and thread-safe; each evaluation binds the expression to the log afresh.</remarks>
public sealed class KpiExpression
{
    private readonly ValueNode _root;

    private KpiExpression(string text, ValueNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses an expression.</summary>
    /// <exception cref="KpiExpressionException">The text does not follow the grammar; the exception gives the position.</exception>
    public static KpiExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new KpiExpression(text, ExpressionParser.Parse(text));
    }

    /// <summary>Evaluates the expression over every case of <paramref name="log"/>; <c>null</c> when undefined (an empty average, a division by zero).</summary>
    /// <exception cref="KpiExpressionException">The expression names a time target the journey does not have.</exception>
    public double? Evaluate(EventLog log, DesignedJourney? journey = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var context = new ExpressionContext(log, journey);
        var cases = new int[log.CaseCount];
        var weights = new int[log.CaseCount];
        for (var c = 0; c < cases.Length; c++)
        {
            cases[c] = c;
            weights[c] = 1;
        }

        context.Cases = cases;
        context.Weights = weights;
        return _root.Evaluate(context, Text);
    }

    internal double? Evaluate(ExpressionContext context) => _root.Evaluate(context, Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
