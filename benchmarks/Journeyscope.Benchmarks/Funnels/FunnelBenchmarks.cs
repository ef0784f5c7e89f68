using BenchmarkDotNet.Attributes;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;

namespace Journeyscope.Benchmarks.Funnels;

/// <summary>
/// Funnel matching on the generated log: the 5-step funnel of <c>bench funnel</c> (Visit site, View product, Add to cart,
/// Pay, Order confirmed) with a 7-day window, without and with a breakdown by channel.
/// </summary>
/// <remarks>Public and not sealed: BenchmarkDotNet derives its runner from the class.</remarks>
[MemoryDiagnoser]
public class FunnelBenchmarks
{
    private static readonly string[] Steps = ["Visit site", "View product", "Add to cart", "Pay", "Order confirmed"];

    private static readonly FunnelDefinition Plain = new(Steps.Select(s => new FunnelStep(s))) { Window = TimeSpan.FromDays(7) };

    private static readonly FunnelDefinition ByChannel = new(Steps.Select(s => new FunnelStep(s)))
    {
        Window = TimeSpan.FromDays(7),
        Breakdown = "channel",
    };

    private EventLog _log = null!;

    [GlobalSetup]
    public void Setup() => _log = BenchmarkData.GeneratedLog();

    /// <summary>Five steps, 7-day window, one thread.</summary>
    [Benchmark(Baseline = true)]
    public FunnelResult FiveStepsOneThread() => FunnelAnalysis.Compute(_log, Plain, maxDegreeOfParallelism: 1);

    /// <summary>Five steps, 7-day window, by channel, one thread.</summary>
    [Benchmark]
    public FunnelResult FiveStepsByChannelOneThread() => FunnelAnalysis.Compute(_log, ByChannel, maxDegreeOfParallelism: 1);

    /// <summary>Five steps, 7-day window, by channel, over all cores (the default).</summary>
    [Benchmark]
    public FunnelResult FiveStepsByChannelParallel() => FunnelAnalysis.Compute(_log, ByChannel);
}
