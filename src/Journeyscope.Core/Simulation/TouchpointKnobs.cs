namespace Journeyscope.Simulation;

/// <summary>
/// How the simulator plays one touchpoint of the designed flow; every knob is optional and falls back to the stage's,
/// the lane's or the flow's default (see docs/simulation.md).
/// </summary>
/// <remarks>
/// The knobs of a touchpoint apply to the flow nodes it starts: an optional part (<c>optional</c>, or a choice with a
/// silent branch) whose first touchpoint it is, a choice branch that begins with it, a loop whose body begins with it.
/// </remarks>
public sealed record TouchpointKnobs
{
    /// <summary>Probability of skipping an optional part that begins with the touchpoint (a drop-out for an exit tail).</summary>
    public double? Skip { get; init; }

    /// <summary>Relative weight of the choice branch that begins with the touchpoint (default 1).</summary>
    public double? Weight { get; init; }

    /// <summary>Probability of going round a loop whose body begins with the touchpoint once more.</summary>
    public double? Repeat { get; init; }

    /// <summary>The delay before the touchpoint's event; <c>null</c> takes the lane's.</summary>
    public SimulatedDelay? Delay { get; init; }
}
