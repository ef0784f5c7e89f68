namespace Journeyscope.Server.Api.Dtos;

/// <summary>An edge from the start node to an activity, or from an activity to the end node.</summary>
/// <param name="Activity">The activity (node id).</param>
/// <param name="Count">Number of cases starting (or ending) there.</param>
public sealed record ProcessMapTerminal(string Activity, long Count);
