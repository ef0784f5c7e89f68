using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>One problem in a journey definition: a rule code (JS001..JS014), where it is, what is wrong and how to fix it.</summary>
/// <param name="Code">The rule's code, for example <c>JS006</c> (docs/journeys.md lists them).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">Where the problem is: file, 1-based line and column.</param>
/// <param name="Message">What is wrong, in one sentence without a final period.</param>
/// <param name="Hint">How to fix it, or <c>null</c>.</param>
public sealed record JourneyDiagnostic(
    string Code,
    JourneyDiagnosticSeverity Severity,
    SourceLocation Location,
    string Message,
    string? Hint = null)
{
    /// <summary>True for <see cref="JourneyDiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == JourneyDiagnosticSeverity.Error;

    /// <summary>
    /// The compiler-style line <c>file:line:column: error JS006: message</c>, followed by <c>  hint: ...</c> on a second
    /// line when there is a hint.
    /// </summary>
    public override string ToString()
    {
        var severity = Severity == JourneyDiagnosticSeverity.Error ? "error" : "warning";
        var where = Location.ToString();
        var line = where.Length == 0 ? $"{severity} {Code}: {Message}" : $"{where}: {severity} {Code}: {Message}";
        return Hint is null ? line : line + "\n  hint: " + Hint;
    }
}
