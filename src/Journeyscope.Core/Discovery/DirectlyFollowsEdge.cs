namespace Journeyscope.Discovery;

/// <summary>One edge of a directly-follows graph: activity <see cref="To"/> directly follows <see cref="From"/>.</summary>
/// <param name="From">The code of the earlier activity.</param>
/// <param name="To">The code of the later activity.</param>
/// <param name="Count">Number of times the pair occurs directly after each other inside a case.</param>
/// <param name="CaseCount">Number of cases in which the pair occurs at least once.</param>
public readonly record struct DirectlyFollowsEdge(int From, int To, long Count, long CaseCount);
