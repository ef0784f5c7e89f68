namespace Journeyscope.Performance;

/// <summary>Cases started and completed in one period, and the work in progress at its end.</summary>
/// <param name="Start">The period's first day (in the log's time basis).</param>
/// <param name="Started">Cases whose first event falls in the period.</param>
/// <param name="Completed">Cases whose last event falls in the period.</param>
/// <param name="WorkInProgress">Cases started but not completed at the period's end.</param>
public sealed record ThroughputCount(DateOnly Start, long Started, long Completed, long WorkInProgress);
