using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Kpis;

/// <summary>A condition of a <c>where</c> clause, tested on an event or on a case.</summary>
internal abstract class ConditionNode(int position)
{
    public int Position { get; } = position;

    /// <summary>Prepares the condition for one log; the result tests events and cases quickly.</summary>
    public abstract BoundCondition Bind(ExpressionContext context, string expression);
}

/// <summary>A condition bound to a log.</summary>
internal abstract class BoundCondition
{
    public abstract bool TestEvent(int caseIndex, int eventIndex);

    public abstract bool TestCase(int caseIndex);
}

internal sealed class LogicalNode(int position, bool isAnd, ConditionNode left, ConditionNode right) : ConditionNode(position)
{
    public override BoundCondition Bind(ExpressionContext context, string expression) =>
        new Bound(isAnd, context.Bind(left, expression), context.Bind(right, expression));

    private sealed class Bound(bool isAnd, BoundCondition left, BoundCondition right) : BoundCondition
    {
        public override bool TestEvent(int caseIndex, int eventIndex) => isAnd
            ? left.TestEvent(caseIndex, eventIndex) && right.TestEvent(caseIndex, eventIndex)
            : left.TestEvent(caseIndex, eventIndex) || right.TestEvent(caseIndex, eventIndex);

        public override bool TestCase(int caseIndex) => isAnd
            ? left.TestCase(caseIndex) && right.TestCase(caseIndex)
            : left.TestCase(caseIndex) || right.TestCase(caseIndex);
    }
}

internal sealed class NotNode(int position, ConditionNode inner) : ConditionNode(position)
{
    public override BoundCondition Bind(ExpressionContext context, string expression) => new Bound(context.Bind(inner, expression));

    private sealed class Bound(BoundCondition inner) : BoundCondition
    {
        public override bool TestEvent(int caseIndex, int eventIndex) => !inner.TestEvent(caseIndex, eventIndex);

        public override bool TestCase(int caseIndex) => !inner.TestCase(caseIndex);
    }
}

/// <summary>
/// <c>time_target_breached(id)</c>, <c>has(name)</c> and <c>follows(a, b)</c> (a <c>b</c> event comes after the first
/// <c>a</c> event, ties in recorded order): facts about the whole case.
/// </summary>
internal sealed class FunctionNode(int position, string function, string argument, string? second = null) : ConditionNode(position)
{
    public override BoundCondition Bind(ExpressionContext context, string expression)
    {
        if (function == "time_target_breached")
        {
            return new PerCase(context.Breaches(argument, Position, expression));
        }

        var log = context.Log;
        var mask = context.EventsOf(argument);
        var then = second is null ? null : context.EventsOf(second);
        var holds = new bool[log.CaseCount];
        for (var c = 0; c < holds.Length; c++)
        {
            int start = log.CaseStart(c), end = log.CaseStart(c + 1);
            var first = Array.IndexOf(mask, true, start, end - start);
            holds[c] = then is null
                ? first >= 0
                : first >= 0 && first + 1 < end && Array.IndexOf(then, true, first + 1, end - first - 1) >= 0;
        }

        return new PerCase(holds);
    }

    private sealed class PerCase(bool[] cases) : BoundCondition
    {
        public override bool TestEvent(int caseIndex, int eventIndex) => cases[caseIndex];

        public override bool TestCase(int caseIndex) => cases[caseIndex];
    }
}

/// <summary>What a comparison looks at.</summary>
internal enum SubjectKind
{
    Activity,
    Touchpoint,
    Duration,
    EventAttribute,
    CaseAttribute,
}

/// <summary>A literal on the right of a comparison: its text, and its number when it is a number, percentage or duration.</summary>
internal readonly record struct Literal(string Text, double? Number);

/// <summary>
/// <c>subject op value</c> or <c>subject in (values)</c>. On a case, an event subject (activity, touchpoint, event.x)
/// holds when any event of the case satisfies it.
/// </summary>
internal sealed class CompareNode(int position, SubjectKind subject, string name, string op, IReadOnlyList<Literal> values) : ConditionNode(position)
{
    public override BoundCondition Bind(ExpressionContext context, string expression)
    {
        var log = context.Log;
        switch (subject)
        {
            case SubjectKind.Activity:
            case SubjectKind.Touchpoint:
                var mask = new bool[log.EventCount];
                foreach (var value in values)
                {
                    var part = subject == SubjectKind.Activity
                        ? JourneyEventMatcher.ActivityMask(log, log.FindActivity(value.Text))
                        : context.EventsOf(value.Text);
                    for (var e = 0; e < mask.Length; e++)
                    {
                        mask[e] |= part[e];
                    }
                }

                if (op == "!=")
                {
                    for (var e = 0; e < mask.Length; e++)
                    {
                        mask[e] = !mask[e];
                    }
                }

                return new EventMask(log, mask);
            case SubjectKind.Duration:
                var rows = new bool[log.CaseCount];
                for (var c = 0; c < rows.Length; c++)
                {
                    var span = log.CaseTimestamps(c);
                    var seconds = span.IsEmpty ? 0 : (span[^1] - span[0]) / (double)TimeSpan.TicksPerSecond;
                    rows[c] = Holds(AttributeValue.FromDouble(seconds));
                }

                return new CaseRows(rows);
            case SubjectKind.CaseAttribute:
                return new CaseRows(Evaluate(log.FindCaseAttribute(name), log.CaseCount));
            default:
                return new EventMask(log, Evaluate(EventAttributeFilter.Column(log, name), log.EventCount));
        }
    }

    private bool[] Evaluate(AttributeColumn? column, int length)
    {
        var rows = new bool[length];
        if (column is null)
        {
            return rows;
        }

        for (var row = 0; row < length; row++)
        {
            rows[row] = column.GetValue(row) is { } value && Holds(value);
        }

        return rows;
    }

    private bool Holds(AttributeValue value)
    {
        double? number = value.Type switch
        {
            AttributeType.Long => value.AsLong(),
            AttributeType.Double => value.AsDouble(),
            AttributeType.Boolean => value.AsBoolean() ? 1 : 0,
            _ => null,
        };
        var text = value.ToString();
        var any = false;
        foreach (var literal in values)
        {
            bool equal;
            int order;
            if (number is { } n && literal.Number is { } m)
            {
                equal = n == m;
                order = n.CompareTo(m);
            }
            else if (value.Type == AttributeType.Boolean && bool.TryParse(literal.Text, out var flag))
            {
                equal = value.AsBoolean() == flag;
                order = equal ? 0 : 1;
            }
            else
            {
                equal = string.Equals(text, literal.Text, StringComparison.Ordinal);
                order = string.CompareOrdinal(text, literal.Text);
            }

            any |= op switch
            {
                "==" or "in" => equal,
                "!=" => !equal,
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                _ => order >= 0,
            };
        }

        return op == "!=" ? AllDiffer(text, number) : any;
    }

    private bool AllDiffer(string text, double? number)
    {
        foreach (var literal in values)
        {
            if (number is { } n && literal.Number is { } m ? n == m : string.Equals(text, literal.Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class EventMask(EventLog log, bool[] mask) : BoundCondition
    {
        public override bool TestEvent(int caseIndex, int eventIndex) => mask[eventIndex];

        public override bool TestCase(int caseIndex)
        {
            int start = log.CaseStart(caseIndex), end = log.CaseStart(caseIndex + 1);
            return Array.IndexOf(mask, true, start, end - start) >= 0;
        }
    }

    private sealed class CaseRows(bool[] rows) : BoundCondition
    {
        public override bool TestEvent(int caseIndex, int eventIndex) => rows[caseIndex];

        public override bool TestCase(int caseIndex) => rows[caseIndex];
    }
}
