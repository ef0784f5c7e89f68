namespace Journeyscope.Conformance;

/// <summary>How the cases met one time target of the journey.</summary>
/// <param name="TargetId">The target's id.</param>
/// <param name="Name">The target's display text.</param>
/// <param name="Within">The allowed time.</param>
/// <param name="BusinessHours">Whether the time counts in working hours of <see cref="DeviationOptions.Calendar"/>.</param>
/// <param name="MeasuredCases">Cases where both ends of the target happened (the others are not measured).</param>
/// <param name="BreachedCases">Measured cases whose time exceeded <paramref name="Within"/>.</param>
/// <param name="MeanElapsed">Mean time over measured cases; zero when none.</param>
/// <param name="MedianElapsed">Median time over measured cases (lower median); zero when none.</param>
/// <param name="MaxElapsed">Longest time over measured cases; zero when none.</param>
/// <param name="ExampleCaseIds">The ids of up to <see cref="DeviationOptions.ExampleCases"/> breaching cases, longest first.</param>
public sealed record TimeTargetResult(
    string TargetId,
    string Name,
    TimeSpan Within,
    bool BusinessHours,
    int MeasuredCases,
    int BreachedCases,
    TimeSpan MeanElapsed,
    TimeSpan MedianElapsed,
    TimeSpan MaxElapsed,
    IReadOnlyList<string> ExampleCaseIds)
{
    /// <summary>The share of measured cases that breached the target, in [0, 1]; 0 when none was measured.</summary>
    public double BreachRate => MeasuredCases == 0 ? 0 : (double)BreachedCases / MeasuredCases;
}
