namespace Journeyscope.Segments;

/// <summary>A cohort retention table.</summary>
/// <param name="Options">The options used.</param>
/// <param name="AsOf">The end of observation, in ticks of the log's time basis.</param>
/// <param name="Cohorts">The cohorts: by period in time order, or by attribute value largest first.</param>
/// <param name="Total">All cases together.</param>
public sealed record RetentionResult(RetentionOptions Options, long AsOf, IReadOnlyList<Cohort> Cohorts, Cohort Total);
