namespace Journeyscope.Discovery;

/// <summary>The slider settings of a process map result and what they hid.</summary>
/// <param name="Activities">The activity slider asked for (share of events, 0..1).</param>
/// <param name="Paths">The path slider asked for (share of transitions, 0..1).</param>
/// <param name="ActivityCoverage">The share of events the kept activities cover.</param>
/// <param name="PathCoverage">The share of transitions the kept edges cover.</param>
/// <param name="HiddenActivities">Number of activities hidden.</param>
/// <param name="HiddenEdges">Number of edges between activities hidden.</param>
/// <param name="HiddenTerminalEdges">Number of start and end edges hidden.</param>
public sealed record ProcessMapSliders(
    double Activities,
    double Paths,
    double ActivityCoverage,
    double PathCoverage,
    int HiddenActivities,
    int HiddenEdges,
    int HiddenTerminalEdges);
