namespace Journeyscope.Discovery;

/// <summary>One directly-follows edge kept on a <see cref="ProcessMap"/>, with its true counts in the projected log.</summary>
/// <param name="From">The code of the earlier activity.</param>
/// <param name="To">The code of the later activity.</param>
/// <param name="Count">Number of times the pair occurs directly after each other inside a case of the projected log.</param>
/// <param name="CaseCount">Number of cases of the projected log in which the pair occurs at least once.</param>
/// <param name="Performance">The seconds between the two events of every occurrence (mean, median, ...).</param>
public readonly record struct ProcessMapEdge(int From, int To, long Count, long CaseCount, EdgePerformance Performance);
