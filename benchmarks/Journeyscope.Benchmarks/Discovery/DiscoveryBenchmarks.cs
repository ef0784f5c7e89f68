using BenchmarkDotNet.Attributes;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Benchmarks.Discovery;

/// <summary>
/// Discovery (DFG, performance DFG, variants, case durations) on the generated log: the partial kernel on one thread
/// (map each chunk, merge in order, finish) and the same with every core.
/// </summary>
/// <remarks>Public and not sealed: BenchmarkDotNet derives its runner from the class.</remarks>
[MemoryDiagnoser]
public class DiscoveryBenchmarks
{
    private static readonly DiscoveryOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    private EventLog _log = null!;

    [GlobalSetup]
    public void Setup() => _log = BenchmarkData.GeneratedLog();

    /// <summary>Map every 16,384-case chunk to a partial, merge the partials in order and finish, on one thread.</summary>
    [Benchmark(Baseline = true)]
    public DiscoveryResult PartialsOneThread() => DiscoveryResult.Discover(_log, OneThread);

    /// <summary>The same over all cores (the default).</summary>
    [Benchmark]
    public DiscoveryResult PartialsParallel() => DiscoveryResult.Discover(_log);
}
