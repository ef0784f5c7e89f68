namespace Journeyscope.Cases;

/// <summary>One event of a case.</summary>
/// <param name="Index">Its 0-based position in the case.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Timestamp">When it happened (completed), with its recorded offset.</param>
/// <param name="StartTimestamp">When it started, or null.</param>
/// <param name="Lifecycle">The lifecycle transition, or null.</param>
/// <param name="Resource">The resource, or null.</param>
/// <param name="Channel">The channel, or null.</param>
/// <param name="Attributes">Every other event attribute that has a value (string, number, boolean or timestamp).</param>
public sealed record CaseEvent(
    int Index,
    string Activity,
    DateTimeOffset Timestamp,
    DateTimeOffset? StartTimestamp,
    string? Lifecycle,
    string? Resource,
    string? Channel,
    IReadOnlyDictionary<string, object?> Attributes);
