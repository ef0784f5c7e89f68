namespace Journeyscope.Simulation;

/// <summary>How much to simulate, from which seed and start date.</summary>
public sealed class SimulationOptions
{
    /// <summary>The scenario's defaults, seed 1.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>Number of customers; <c>null</c> takes <see cref="Scenario.Customers"/>.</summary>
    public int? Customers { get; init; }

    /// <summary>The seed: the same seed, journey and scenario give the same log, byte for byte.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The first arrival day; <c>null</c> takes <see cref="Scenario.Start"/>.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Receives progress about every few thousand customers.</summary>
    public IProgress<SimulationProgress>? Progress { get; init; }

    /// <summary>Generate customers on several threads (the result does not depend on it).</summary>
    public bool Parallel { get; init; } = true;
}
