namespace Journeyscope.Performance;

/// <summary>Throughput and work in progress of one period.</summary>
/// <param name="Start">The period's first instant, in the log's time basis (UTC, or local wall-clock time).</param>
/// <param name="Started">Cases whose first event lies in the period.</param>
/// <param name="Completed">Cases whose last event lies in the period.</param>
/// <param name="WorkInProgress">Cases open at the period's end: started in or before it and not completed by its end.</param>
public readonly record struct ThroughputPeriod(DateTime Start, int Started, int Completed, int WorkInProgress);
