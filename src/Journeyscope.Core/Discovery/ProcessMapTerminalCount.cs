namespace Journeyscope.Discovery;

/// <summary>An edge from the start node to an activity, or from an activity to the end node, as results show it.</summary>
/// <param name="Activity">The activity (node id).</param>
/// <param name="Count">Number of cases starting (or ending) there.</param>
public sealed record ProcessMapTerminalCount(string Activity, long Count);
