namespace Journeyscope.Discovery;

/// <summary>One activity kept on a <see cref="ProcessMap"/>, with its counts in the projected log.</summary>
/// <param name="Activity">The activity code (index into the log's activity names).</param>
/// <param name="Name">The activity name.</param>
/// <param name="Events">Number of events with this activity.</param>
/// <param name="Cases">Number of cases with at least one such event.</param>
/// <param name="StartCount">Number of cases of the projected log that start with this activity.</param>
/// <param name="EndCount">Number of cases of the projected log that end with this activity.</param>
public readonly record struct ProcessMapActivity(int Activity, string Name, long Events, long Cases, long StartCount, long EndCount);
