namespace Journeyscope.Simulation;

/// <summary>Progress of a simulation.</summary>
/// <param name="CustomersDone">Customers generated so far.</param>
/// <param name="CustomersTotal">Customers to generate.</param>
/// <param name="EventsGenerated">Events generated so far.</param>
public readonly record struct SimulationProgress(long CustomersDone, long CustomersTotal, long EventsGenerated);
