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

    private KpiExpression(string text, ValueNode root, IReadOnlyList<KpiExpressionReference> references)
    {
        Text = text;
        _root = root;
        References = references;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The journey names the expression uses (touchpoints, stages, time targets, event names), in text order.</summary>
    public IReadOnlyList<KpiExpressionReference> References { get; }

    /// <summary>Parses an expression.</summary>
    /// <exception cref="KpiExpressionException">The text does not follow the grammar; the exception gives the position.</exception>
    public static KpiExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = ExpressionParser.Parse(text, out var references);
        return new KpiExpression(text, root, references);
    }

    /// <summary>
    /// The names of <paramref name="journey"/> the expression uses but the journey does not have: a <c>touchpoint(id)</c>
    /// that is not a touchpoint, a <c>stage(id)</c> that is not a stage, a <c>time_target_breached(id)</c> that is not a
    /// time target. Each problem gives the name's position and, when one is close, a suggestion. Names given to
    /// <c>has</c> and <c>follows</c> may be activities of the log and are not checked here.
    /// </summary>
    public IReadOnlyList<KpiExpressionException> Check(DesignedJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var problems = new List<KpiExpressionException>();
        foreach (var reference in References)
        {
            if (MemberNode.Problem(journey, reference.Kind, reference.Name, reference.Position, Text) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
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

    /// <summary>The aggregates of the expression, left to right (the same order in every parse of the same text).</summary>
    internal List<AggregateNode> Aggregates()
    {
        var aggregates = new List<AggregateNode>();
        _root.Aggregates(aggregates);
        return aggregates;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
