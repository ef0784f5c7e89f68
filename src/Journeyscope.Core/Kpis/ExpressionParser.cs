using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

/// <summary>A recursive-descent parser for KPI expressions (grammar in docs/kpis.md).</summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly List<ExpressionToken> _tokens;
    private readonly List<KpiExpressionReference> _references = [];
    private int _next;

    private ExpressionParser(string text)
    {
        _text = text;
        _tokens = ExpressionLexer.Tokenize(text);
    }

    private ExpressionToken Current => _tokens[_next];

    private static readonly string[] Functions = ["count", "sum", "avg", "min", "max", "percentile", "ratio"];

    private static readonly string[] ConditionFunctions = ["touchpoint", "stage", "has", "follows", "time_target_breached"];

    private static readonly string[] Subjects = ["activity", "touchpoint", "duration", "case.duration"];

    /// <summary>Parses <paramref name="text"/>; <paramref name="references"/> lists the journey names it uses, in text order.</summary>
    public static ValueNode Parse(string text, out IReadOnlyList<KpiExpressionReference> references)
    {
        var parser = new ExpressionParser(text);
        references = parser._references;
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new KpiExpressionException(text, 0, "the expression is empty");
        }

        var node = parser.ParseSum();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Error($"expected an operator (+ - * /) or the end, found '{parser.Current.Text}'");
        }

        return node;
    }

    private ValueNode ParseSum()
    {
        var left = ParseProduct();
        while (IsSymbol("+") || IsSymbol("-"))
        {
            var op = Take();
            left = new BinaryNode(op.Position, op.Text[0], left, ParseProduct());
        }

        return left;
    }

    private ValueNode ParseProduct()
    {
        var left = ParseUnary();
        while (IsSymbol("*") || IsSymbol("/"))
        {
            var op = Take();
            left = new BinaryNode(op.Position, op.Text[0], left, ParseUnary());
        }

        return left;
    }

    private ValueNode ParseUnary()
    {
        if (IsSymbol("-"))
        {
            var minus = Take();
            return new NegateNode(minus.Position, ParseUnary());
        }

        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.Duration or TokenKind.Percent:
                Take();
                return new NumberNode(token.Position, token.Number);
            case TokenKind.Symbol when token.Text == "(":
                Take();
                var inner = ParseSum();
                Expect(")");
                return inner;
            case TokenKind.Name:
                return ParseFunction();
            default:
                throw Error(token.Kind == TokenKind.End
                    ? "the expression ends where a value was expected"
                    : $"expected a number, a duration, '(' or a function such as count(...), found '{token.Text}'");
        }
    }

    private ValueNode ParseFunction()
    {
        var name = Take();
        var function = name.Text.ToLowerInvariant();
        if (Array.IndexOf(Functions, function) < 0)
        {
            throw Error(
                $"unknown function '{name.Text}' (use count, sum, avg, min, max, percentile or ratio)",
                name.Position,
                NameSuggestions.Closest(name.Text, Functions));
        }

        Expect("(");
        ValueNode node;
        if (function == "count")
        {
            node = ParseSet(name.Position);
        }
        else if (function == "ratio")
        {
            var numerator = ParseSet(name.Position);
            Expect(",");
            var denominator = ParseSet(name.Position);
            node = new BinaryNode(name.Position, '/', numerator, denominator);
        }
        else
        {
            var field = Current;
            if (field.Kind != TokenKind.Name)
            {
                throw Error($"{function}() needs a field first: event.<attribute>, case.<attribute> or duration");
            }

            Take();
            var (kind, attribute) = field.Text switch
            {
                "duration" or "case.duration" => (FieldKind.CaseDuration, string.Empty),
                _ when field.Text.StartsWith("event.", StringComparison.Ordinal) && field.Text.Length > 6 => (FieldKind.EventAttribute, field.Text[6..]),
                _ when field.Text.StartsWith("case.", StringComparison.Ordinal) && field.Text.Length > 5 => (FieldKind.CaseAttribute, field.Text[5..]),
                _ => throw Error($"'{field.Text}' is not a field: use event.<attribute>, case.<attribute> or duration", field.Position),
            };
            double p = 0;
            if (function == "percentile")
            {
                Expect(",");
                var number = Current;
                if (number.Kind != TokenKind.Number || number.Number is < 0 or > 100)
                {
                    throw Error("percentile() needs a number from 0 to 100 after the field");
                }

                p = Take().Number;
            }

            var condition = TakeKeyword("where") ? ParseOr() : null;
            node = new AggregateNode(name.Position, function, kind != FieldKind.EventAttribute, kind, attribute, p, condition);
        }

        Expect(")");
        return node;
    }

    private AggregateNode ParseSet(int position)
    {
        var set = Current;
        bool overCases;
        if (IsName("events"))
        {
            overCases = false;
        }
        else if (IsName("cases"))
        {
            overCases = true;
        }
        else
        {
            throw Error($"expected 'events' or 'cases', found '{set.Text}'");
        }

        Take();
        var condition = TakeKeyword("where") ? ParseOr() : null;
        return new AggregateNode(position, "count", overCases, FieldKind.None, string.Empty, 0, condition);
    }

    private ConditionNode ParseOr()
    {
        var left = ParseAnd();
        while (IsName("or"))
        {
            var op = Take();
            left = new LogicalNode(op.Position, isAnd: false, left, ParseAnd());
        }

        return left;
    }

    private ConditionNode ParseAnd()
    {
        var left = ParseNot();
        while (IsName("and"))
        {
            var op = Take();
            left = new LogicalNode(op.Position, isAnd: true, left, ParseNot());
        }

        return left;
    }

    private ConditionNode ParseNot()
    {
        if (IsName("not"))
        {
            var op = Take();
            return new NotNode(op.Position, ParseNot());
        }

        if (IsSymbol("("))
        {
            Take();
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        return ParseComparison();
    }

    private ConditionNode ParseComparison()
    {
        var subject = Current;
        if (subject.Kind != TokenKind.Name)
        {
            throw Error($"expected a condition such as activity == \"X\", found '{subject.Text}'");
        }

        Take();
        if (subject.Text is "time_target_breached" or "has" or "follows" || (subject.Text is "touchpoint" or "stage" && IsSymbol("(")))
        {
            Expect("(");
            var argument = TakeId(subject.Text, out var at);
            Refer(subject.Text, argument, at);
            string? second = null;
            if (subject.Text == "follows")
            {
                Expect(",");
                second = TakeId(subject.Text, out at);
                Refer(subject.Text, second, at);
            }

            Expect(")");
            return subject.Text is "touchpoint" or "stage"
                ? new MemberNode(subject.Position, subject.Text == "stage", argument, at)
                : new FunctionNode(subject.Position, subject.Text, argument, second);
        }

        if (IsSymbol("("))
        {
            throw Error(
                $"unknown condition function '{subject.Text}' (use touchpoint(...), stage(...), has(...), follows(..., ...) or time_target_breached(...))",
                subject.Position,
                NameSuggestions.Closest(subject.Text, ConditionFunctions));
        }

        var (kind, name) = subject.Text switch
        {
            "activity" => (SubjectKind.Activity, string.Empty),
            "touchpoint" => (SubjectKind.Touchpoint, string.Empty),
            "duration" or "case.duration" => (SubjectKind.Duration, string.Empty),
            _ when subject.Text.StartsWith("event.", StringComparison.Ordinal) && subject.Text.Length > 6 => (SubjectKind.EventAttribute, subject.Text[6..]),
            _ when subject.Text.StartsWith("case.", StringComparison.Ordinal) && subject.Text.Length > 5 => (SubjectKind.CaseAttribute, subject.Text[5..]),
            _ => throw Error(
                $"unknown condition subject '{subject.Text}' (use activity, touchpoint, duration, event.<attribute>, case.<attribute>, touchpoint(...), stage(...), has(...), follows(..., ...) or time_target_breached(...))",
                subject.Position,
                NameSuggestions.Closest(subject.Text, Subjects)),
        };
        var op = Current;
        string comparison;
        var values = new List<Literal>();
        if (IsName("in"))
        {
            Take();
            comparison = "in";
            Expect("(");
            values.Add(ParseLiteral());
            while (IsSymbol(","))
            {
                Take();
                values.Add(ParseLiteral());
            }

            Expect(")");
        }
        else if (op.Kind == TokenKind.Symbol && op.Text is "==" or "!=" or "<" or "<=" or ">" or ">=")
        {
            Take();
            comparison = op.Text;
            values.Add(ParseLiteral());
        }
        else
        {
            throw Error($"expected ==, !=, <, <=, >, >= or in after '{subject.Text}'");
        }

        if (kind is SubjectKind.Activity or SubjectKind.Touchpoint && comparison is not ("==" or "!=" or "in"))
        {
            throw Error($"{subject.Text} can only be compared with ==, != or in", op.Position);
        }

        return new CompareNode(subject.Position, kind, name, comparison, values);
    }

    private void Refer(string function, string name, int position)
    {
        var kind = function switch
        {
            "touchpoint" => KpiExpressionReferenceKind.Touchpoint,
            "stage" => KpiExpressionReferenceKind.Stage,
            "time_target_breached" => KpiExpressionReferenceKind.TimeTarget,
            _ => KpiExpressionReferenceKind.EventName,
        };
        _references.Add(new KpiExpressionReference(kind, name, position));
    }

    private string TakeId(string function, out int position)
    {
        var argument = Current;
        position = argument.Position;
        if (argument.Kind is not (TokenKind.Name or TokenKind.String))
        {
            throw Error($"{function}() needs an activity, touchpoint, stage or time target id, found '{argument.Text}'");
        }

        Take();
        return argument.Text;
    }

    private Literal ParseLiteral()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String or TokenKind.Name:
                Take();
                return new Literal(token.Text, null);
            case TokenKind.Number or TokenKind.Duration or TokenKind.Percent:
                Take();
                return new Literal(token.Text, token.Number);
            case TokenKind.Symbol when token.Text == "-" && _tokens[_next + 1].Kind is TokenKind.Number or TokenKind.Duration:
                Take();
                var number = Take();
                return new Literal("-" + number.Text, -number.Number);
            default:
                throw Error("expected a value: a \"quoted text\", a word, a number or a duration");
        }
    }

    private bool IsSymbol(string symbol) => Current.Kind == TokenKind.Symbol && Current.Text == symbol;

    private bool IsName(string name) => Current.Kind == TokenKind.Name && string.Equals(Current.Text, name, StringComparison.OrdinalIgnoreCase);

    private bool TakeKeyword(string keyword)
    {
        if (!IsName(keyword))
        {
            return false;
        }

        Take();
        return true;
    }

    private ExpressionToken Take() => _tokens[_next++];

    private void Expect(string symbol)
    {
        if (!IsSymbol(symbol))
        {
            throw Error(Current.Kind == TokenKind.End ? $"expected '{symbol}' before the end" : $"expected '{symbol}', found '{Current.Text}'");
        }

        Take();
    }

    private KpiExpressionException Error(string reason, int? position = null, string? suggestion = null) =>
        new(_text, position ?? Current.Position, reason, suggestion);
}
