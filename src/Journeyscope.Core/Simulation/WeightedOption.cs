namespace Journeyscope.Simulation;

/// <summary>One value of a categorical knob of a <see cref="Scenario"/>, with its relative weight.</summary>
/// <param name="Name">The value written to the log (for example <c>android-app</c>).</param>
/// <param name="Weight">The relative weight; the probability is the weight divided by the sum of all weights.</param>
/// <param name="Cost">
/// A cost attached to the value: for acquisition channels the marketing cost per acquired customer in the scenario's
/// currency; unused elsewhere.
/// </param>
public sealed record WeightedOption(string Name, double Weight, double Cost = 0);
