using Journeyscope.EventLogs;

namespace Journeyscope.Discovery;

/// <summary>Options of the discovery analyses (directly-follows graph, performance, variants, case durations).</summary>
public sealed class DiscoveryOptions
{
    /// <summary>The default options: the log's own time basis, 16,384 cases per chunk, all cores.</summary>
    public static DiscoveryOptions Default { get; } = new();

    /// <summary>
    /// The time basis to compute in. <c>null</c> (the default) uses the log as it is; a value converts the log with
    /// <see cref="EventLog.ToTimeBasis(EventLogs.TimeBasis)"/> first (use <see cref="EventLogs.TimeBasis.WallClock"/> to
    /// reproduce PM4Py).
    /// </summary>
    public TimeBasis? TimeBasis { get; init; }

    /// <summary>Cases per chunk of parallel work (at least 1). Results never depend on it.</summary>
    public int ChunkSize { get; init; } = 16_384;

    /// <summary>Most chunks computed at once; -1 (the default) uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>How many example case ids each variant keeps (the first ones in log order).</summary>
    public int ExampleCasesPerVariant { get; init; } = 3;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkSize, 1, nameof(ChunkSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(ExampleCasesPerVariant, 0, nameof(ExampleCasesPerVariant));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 or a positive number.");
        }
    }
}
