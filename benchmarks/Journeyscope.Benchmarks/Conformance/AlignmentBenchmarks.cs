using BenchmarkDotNet.Attributes;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Benchmarks.Conformance;

/// <summary>
/// Optimal alignments with the suffix cost table (A* per variant, the heuristic read from the table) of SEPSIS against
/// PM4Py's Inductive Miner model (reference/SEPSIS), in the wall-clock time basis like the reference tests.
/// </summary>
/// <remarks>Public and not sealed: BenchmarkDotNet derives its runner from the class.</remarks>
[MemoryDiagnoser]
public class AlignmentBenchmarks
{
    private static readonly AlignmentOptions Options = new() { TimeBasis = TimeBasis.WallClock };

    private static readonly AlignmentOptions OneThread = new() { TimeBasis = TimeBasis.WallClock, MaxDegreeOfParallelism = 1 };

    private EventLog _log = null!;
    private PetriNet _net = null!;

    [GlobalSetup]
    public void Setup()
    {
        _log = XesImporter.Import(BenchmarkData.Shared("logs/SEPSIS.xes.gz")).Log;
        _net = PnmlReader.Read(BenchmarkData.Shared("reference/SEPSIS/model_inductive_0.2.pnml"));
    }

    /// <summary>SEPSIS (846 variants) on one thread.</summary>
    [Benchmark(Baseline = true)]
    public AlignmentResult SepsisOneThread() => Alignments.Compute(_log, _net, OneThread);

    /// <summary>SEPSIS over all cores (the default).</summary>
    [Benchmark]
    public AlignmentResult SepsisParallel() => Alignments.Compute(_log, _net, Options);
}
