namespace Journeyscope.Server.Api.Dtos;

/// <summary>One problem found in a journey's YAML.</summary>
/// <param name="Code">The rule code, <c>JS001</c> to <c>JS013</c> (docs/journeys.md lists them).</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it, or null.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
public sealed record JourneyDiagnostic(string Code, string Severity, string Message, string? Hint, int Line, int Column);
