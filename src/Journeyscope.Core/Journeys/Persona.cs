namespace Journeyscope.Journeys;

/// <summary>A persona of the journey: a named customer segment, optionally defined by a case filter.</summary>
/// <param name="Id">The persona's id, unique in the journey.</param>
/// <param name="Name">The display name.</param>
/// <param name="Description">Optional free text.</param>
/// <param name="Segment">
/// Optional filter in the syntax of docs/filters.md (for example <c>case.segment == B2B</c>) that selects the persona's
/// cases; <c>null</c> when the persona is descriptive only.
/// </param>
public sealed record Persona(string Id, string Name, string? Description = null, string? Segment = null)
{
    /// <summary>Where the persona was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
