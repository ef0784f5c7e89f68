namespace Journeyscope.Kpis;

/// <summary>A custom KPI expression does not follow the syntax of docs/kpis.md; <see cref="Position"/> points at the fault.</summary>
public sealed class KpiExpressionException : Exception
{
    /// <summary>Creates the exception for the fault at 0-based <paramref name="position"/> of <paramref name="expression"/>.</summary>
    public KpiExpressionException(string expression, int position, string reason)
        : base(Format(expression, position, reason))
    {
        Expression = expression;
        Position = position;
        Reason = reason;
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

    /// <summary>The reason without the position.</summary>
    public string Reason { get; }

    private static string Format(string expression, int position, string reason)
    {
        var prefix = $"{reason} at column {position + 1}: ";
        return prefix + expression + "\n" + new string(' ', prefix.Length + position) + "^";
    }
}
