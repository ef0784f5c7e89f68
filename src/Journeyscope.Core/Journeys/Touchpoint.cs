namespace Journeyscope.Journeys;

/// <summary>A designed touchpoint: a moment where the customer and the organisation meet, or a process step behind one.</summary>
/// <param name="Id">The touchpoint's id, unique in the journey; the leaves of the designed flow name touchpoints by id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Stage">The id of the stage the touchpoint belongs to.</param>
/// <param name="Lane">The service blueprint lane.</param>
/// <param name="Channel">The designed channel (web, app, email, phone, chat, store, social, ...), or <c>null</c>.</param>
/// <param name="Owner">The team or person who owns the touchpoint, or <c>null</c>.</param>
/// <param name="Rule">How events map to this touchpoint.</param>
/// <param name="Description">Optional free text.</param>
public sealed record Touchpoint(
    string Id,
    string Name,
    string Stage,
    BlueprintLane Lane,
    string? Channel,
    string? Owner,
    TouchpointRule Rule,
    string? Description = null)
{
    /// <summary>Where the touchpoint was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>The capabilities the touchpoint needs (YAML <c>capabilities:</c>), each with its readiness; empty when none are mapped.</summary>
    public IReadOnlyList<Capability> Capabilities { get; init; } = [];
}
