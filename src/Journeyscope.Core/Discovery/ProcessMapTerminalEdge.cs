namespace Journeyscope.Discovery;

/// <summary>An edge from the artificial start node to an activity, or from an activity to the artificial end node.</summary>
/// <param name="Activity">The activity code.</param>
/// <param name="Count">Number of cases of the projected log that start (or end) with the activity.</param>
public readonly record struct ProcessMapTerminalEdge(int Activity, long Count);
