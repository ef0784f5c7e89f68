namespace Journeyscope.IO.Journeys;

/// <summary>A change to one touchpoint of a journey file; a null field is left as it is.</summary>
/// <param name="Name">The new display name.</param>
/// <param name="Stage">The new stage id.</param>
/// <param name="Lane">The new blueprint lane as written in YAML (<c>customer-action</c>, <c>frontstage</c>, …).</param>
/// <param name="Channel">The new channel; an empty text removes the channel.</param>
public sealed record TouchpointEdit(string? Name = null, string? Stage = null, string? Lane = null, string? Channel = null);
