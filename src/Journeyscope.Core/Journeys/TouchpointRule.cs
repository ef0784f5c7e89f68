namespace Journeyscope.Journeys;

/// <summary>
/// How events map to a touchpoint: an event belongs to the touchpoint when its activity is one of
/// <see cref="Activities"/> or matches <see cref="ActivityPattern"/>, and every condition in <see cref="Conditions"/> holds.
/// </summary>
/// <param name="Activities">Exact activity names (YAML <c>activity</c>: one name or a list); may be empty when a pattern is given.</param>
/// <param name="ActivityPattern">A .NET regular expression matched against the whole activity name (YAML <c>activity_regex</c>), or <c>null</c>.</param>
/// <param name="Conditions">
/// Attribute conditions in the filter syntax (docs/filters.md), for example <c>event.channel == app</c> or
/// <c>case.segment in (B2B, B2C)</c> (YAML <c>where</c>: one condition or a list; all must hold).
/// </param>
public sealed record TouchpointRule(
    IReadOnlyList<string> Activities,
    string? ActivityPattern,
    IReadOnlyList<string> Conditions)
{
    /// <summary>Where the rule was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
