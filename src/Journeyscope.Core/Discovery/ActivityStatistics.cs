namespace Journeyscope.Discovery;

/// <summary>How often one activity happens.</summary>
/// <param name="Activity">The activity code (index into the log's activity names).</param>
/// <param name="Name">The activity name.</param>
/// <param name="Events">Number of events with this activity.</param>
/// <param name="Cases">Number of cases with at least one such event.</param>
/// <param name="ReworkCases">Number of cases where the activity happens more than once (rework).</param>
/// <param name="SelfLoops">Number of times the activity directly follows itself.</param>
public readonly record struct ActivityStatistics(int Activity, string Name, long Events, long Cases, long ReworkCases, long SelfLoops);
