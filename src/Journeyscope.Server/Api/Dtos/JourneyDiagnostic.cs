namespace Journeyscope.Server.Api.Dtos;

/// <summary>One problem found in a journey's YAML.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
public sealed record JourneyDiagnostic(string Severity, string Message, int Line, int Column);
