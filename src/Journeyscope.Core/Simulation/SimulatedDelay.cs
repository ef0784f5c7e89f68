namespace Journeyscope.Simulation;

/// <summary>How long a simulated step takes after the previous one: a mean in a unit (see <see cref="DelayUnit"/>).</summary>
/// <param name="Unit">The clock the delay runs on.</param>
/// <param name="Mean">The mean delay in <paramref name="Unit"/>; not negative.</param>
public readonly record struct SimulatedDelay(DelayUnit Unit, double Mean)
{
    /// <summary>A delay of <paramref name="mean"/> minutes.</summary>
    public static SimulatedDelay Minutes(double mean) => new(DelayUnit.Minutes, mean);

    /// <summary>A delay of <paramref name="mean"/> calendar hours.</summary>
    public static SimulatedDelay Hours(double mean) => new(DelayUnit.Hours, mean);

    /// <summary>A delay of <paramref name="mean"/> working hours.</summary>
    public static SimulatedDelay WorkingHours(double mean) => new(DelayUnit.WorkingHours, mean);

    /// <summary>A delay of <paramref name="mean"/> days.</summary>
    public static SimulatedDelay Days(double mean) => new(DelayUnit.Days, mean);
}
