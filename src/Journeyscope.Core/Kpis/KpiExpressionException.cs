namespace Journeyscope.Kpis;

/// <summary>A custom KPI expression does not follow the syntax of docs/kpis.md; <see cref="Position"/> points at the fault.</summary>
public sealed class KpiExpressionException : Exception
{
    /// <summary>Creates the exception for the fault at 0-based <paramref name="position"/> of <paramref name="expression"/>.</summary>
    public KpiExpressionException(string expression, int position, string reason)
        : this(expression, position, reason, null)
    {
    }

    /// <summary>
    /// Creates the exception for the fault at 0-based <paramref name="position"/> of <paramref name="expression"/>, with the
    /// known name closest to a mistyped one (a function, touchpoint, stage or time target), when there is one.
    /// </summary>
    public KpiExpressionException(string expression, int position, string reason, string? suggestion)
        : base(Format(expression, position, suggestion is null ? reason : $"{reason} (did you mean '{suggestion}'?)"))
    {
        Expression = expression;
        Position = position;
        Reason = reason;
        Suggestion = suggestion;
    }

    /// <summary>Creates an empty exception (serialisation and tooling).</summary>
    public KpiExpressionException()
    {
        Expression = string.Empty;
        Reason = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public KpiExpressionException(string message)
        : base(message)
    {
        Expression = string.Empty;
        Reason = message;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public KpiExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Expression = string.Empty;
        Reason = message;
    }

    /// <summary>The expression.</summary>
    public string Expression { get; }

    /// <summary>The 0-based position of the fault in <see cref="Expression"/>.</summary>
    public int Position { get; }

    /// <summary>The reason without the position or the suggestion.</summary>
    public string Reason { get; }

    /// <summary>The known name closest to the mistyped one ("did you mean"), or <c>null</c>.</summary>
    public string? Suggestion { get; }

    private static string Format(string expression, int position, string reason)
    {
        var prefix = $"{reason} at column {position + 1}: ";
        return prefix + expression + "\n" + new string(' ', prefix.Length + position) + "^";
    }
}
