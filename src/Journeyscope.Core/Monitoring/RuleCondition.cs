using System.Globalization;

namespace Journeyscope.Monitoring;

/// <summary>
/// A rule's <c>where</c>: <c>ATTRIBUTE OP VALUE</c> on the starting event, with OP one of <c>&lt;=</c>, <c>&lt;</c>,
/// <c>&gt;=</c>, <c>&gt;</c>, <c>==</c>, <c>!=</c>; numbers compare as numbers, anything else as text (ordinal).
/// An event without the attribute does not match.
/// </summary>
public sealed class RuleCondition
{
    private static readonly string[] Operators = ["<=", ">=", "==", "!=", "<", ">"];

    private RuleCondition(string attribute, string op, string value)
    {
        Attribute = attribute;
        Operator = op;
        Value = value;
        Number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>The attribute's name (a leading <c>event.</c> is dropped).</summary>
    public string Attribute { get; }

    /// <summary>The comparison.</summary>
    public string Operator { get; }

    /// <summary>The value compared with.</summary>
    public string Value { get; }

    private double? Number { get; }

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="problem"/> set when it is not a condition.</summary>
    public static RuleCondition? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var op in Operators)
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var attribute = text[..at].Trim();
            if (attribute.StartsWith("event.", StringComparison.Ordinal))
            {
                attribute = attribute[6..];
            }

            var value = text[(at + op.Length)..].Trim().Trim('\'', '"');
            if (attribute.Length == 0 || value.Length == 0)
            {
                break;
            }

            var condition = new RuleCondition(attribute, op, value);
            if (op is "<" or "<=" or ">" or ">=" && condition.Number is null)
            {
                problem = $"'{text}' compares with '{value}', which is not a number; use == or != for text.";
                return null;
            }

            problem = null;
            return condition;
        }

        problem = $"'{text}' is not a condition: write ATTRIBUTE OP VALUE with OP one of <=, <, >=, >, ==, != (for example score <= 6).";
        return null;
    }

    /// <summary>Whether <paramref name="value"/> (the event's attribute, null when missing) satisfies the condition.</summary>
    public bool Matches(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (Number is { } bound && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Operator switch
            {
                "<=" => number <= bound,
                "<" => number < bound,
                ">=" => number >= bound,
                ">" => number > bound,
                "==" => number == bound,
                _ => number != bound,
            };
        }

        return Operator switch
        {
            "==" => string.Equals(value, Value, StringComparison.Ordinal),
            "!=" => !string.Equals(value, Value, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Attribute} {Operator} {Value}";
}
