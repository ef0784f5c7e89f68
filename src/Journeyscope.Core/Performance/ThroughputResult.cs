namespace Journeyscope.Performance;

/// <summary>Cases started and completed per period and the work in progress at each period's end.</summary>
/// <param name="Granularity">The period length.</param>
/// <param name="Periods">Consecutive periods from the first case start to the last case completion, empty periods included.</param>
public sealed record ThroughputResult(Granularity Granularity, IReadOnlyList<ThroughputPeriod> Periods);
