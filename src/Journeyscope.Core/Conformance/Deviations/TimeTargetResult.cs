using System.Text.Json.Serialization;

namespace Journeyscope.Conformance;

/// <summary>How the cases met one time target of the journey. Durations are seconds, as in every result's JSON.</summary>
/// <param name="TargetId">The target's id.</param>
/// <param name="Name">The target's display text.</param>
/// <param name="WithinSeconds">The allowed time.</param>
/// <param name="BusinessHours">Whether the time counts in working hours of <see cref="DeviationOptions.Calendar"/>.</param>
/// <param name="MeasuredCases">Cases where both ends of the target happened (the others are not measured).</param>
/// <param name="BreachedCases">Measured cases whose time exceeded <paramref name="WithinSeconds"/>.</param>
/// <param name="MeanElapsedSeconds">Mean time over measured cases; zero when none.</param>
/// <param name="MedianElapsedSeconds">Median time over measured cases (lower median); zero when none.</param>
/// <param name="MaxElapsedSeconds">Longest time over measured cases; zero when none.</param>
/// <param name="ExampleCaseIds">The ids of up to <see cref="DeviationOptions.ExampleCases"/> breaching cases, longest first.</param>
public sealed record TimeTargetResult(
    string TargetId,
    string Name,
    double WithinSeconds,
    bool BusinessHours,
    int MeasuredCases,
    int BreachedCases,
    double MeanElapsedSeconds,
    double MedianElapsedSeconds,
    double MaxElapsedSeconds,
    IReadOnlyList<string> ExampleCaseIds)
{
    /// <summary>The share of measured cases that breached the target, in [0, 1]; 0 when none was measured.</summary>
    public double BreachRate => MeasuredCases == 0 ? 0 : (double)BreachedCases / MeasuredCases;

    /// <summary>The allowed time as a <see cref="TimeSpan"/> (not in the JSON: <see cref="WithinSeconds"/> is).</summary>
    [JsonIgnore]
    public TimeSpan Within => Ticks(WithinSeconds);

    /// <summary>The mean time as a <see cref="TimeSpan"/>.</summary>
    [JsonIgnore]
    public TimeSpan MeanElapsed => Ticks(MeanElapsedSeconds);

    /// <summary>The median time as a <see cref="TimeSpan"/>.</summary>
    [JsonIgnore]
    public TimeSpan MedianElapsed => Ticks(MedianElapsedSeconds);

    /// <summary>The longest time as a <see cref="TimeSpan"/>.</summary>
    [JsonIgnore]
    public TimeSpan MaxElapsed => Ticks(MaxElapsedSeconds);

    // Back to whole ticks (the seconds came from ticks), so TimeSpan values round-trip exactly.
    private static TimeSpan Ticks(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
