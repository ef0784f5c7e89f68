using Journeyscope.EventLogs;

namespace Journeyscope.Simulation;

/// <summary>What a simulation produced: the customer-centric event log, its objects and the ground truth.</summary>
public sealed class SimulationResult
{
    private readonly Lazy<ObjectCentricData> _objects;

    internal SimulationResult(EventLog log, GroundTruth groundTruth)
    {
        Log = log;
        GroundTruth = groundTruth;
        _objects = new Lazy<ObjectCentricData>(() => SimulatedObjects.Build(log), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>One case per customer, every event of every channel and back-end process on it.</summary>
    public EventLog Log { get; }

    /// <summary>
    /// The same events object-centric: objects of type <c>customer</c>, <c>order</c> and <c>ticket</c>, each event
    /// related to its customer and to the order or ticket it concerns (OCEL 2.0 E2O), orders and tickets related
    /// to their customer and order (O2O). Built on first access (O(events)).
    /// </summary>
    public ObjectCentricData Objects => _objects.Value;

    /// <summary>The injected problems, the cases they affected and their designed KPI effects.</summary>
    public GroundTruth GroundTruth { get; }
}
