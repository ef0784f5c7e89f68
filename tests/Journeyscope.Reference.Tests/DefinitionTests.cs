using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.IO;
using Journeyscope.TestSupport;

namespace Journeyscope.Reference.Tests;

/// <summary>
/// For the real logs without a PM4Py reference folder, the engine must equal the definitions of DESIGN.md computed
/// naively here: events of a case sorted stably by timestamp, directly-follows pairs counted inside each case,
/// variants as activity sequences, case duration = last minus first.
/// </summary>
public sealed class DefinitionTests
{
    public static TheoryData<string> Logs() =>
    [
        "bpic2012.xes.gz", "bpic2013_incidents.xes.gz", "BPIC15_1.xes.gz", "BPI_2020_DomesticDeclarations.xes.gz",
        "BPI_2020_PrepaidTravelCost.xes.gz", "bpic2019_1t_per_variant.xes.gz", "roadtraffic100traces.xes", "running-example.xes",
    ];

    [Theory]
    [MemberData(nameof(Logs))]
    public void Discover_RealLogWithoutReference_EqualsNaiveDefinitions(string name)
    {
        // Given the log read in both time bases
        var imported = XesImporter.Import(SharedData.Path("logs/" + name), new ImportOptions { Mode = ImportMode.Strict }, TestContext.Current.CancellationToken).Log;
        foreach (var log in new[] { imported, imported.ToTimeBasis(TimeBasis.WallClock) })
        {
            // When the engine discovers
            var result = DiscoveryResult.Discover(log, cancellationToken: TestContext.Current.CancellationToken);

            // Then edges, variants and durations equal a naive computation from the definitions
            var cases = Naive(log);
            var edges = cases.SelectMany(c => c.Zip(c.Skip(1), (a, b) => (a.Activity, b.Activity)))
                .GroupBy(p => p).ToDictionary(g => g.Key, g => (long)g.Count());
            var graph = result.DirectlyFollowsGraph;
            graph.Edges.Count.ShouldBe(edges.Count, name);
            foreach (var edge in graph.Edges)
            {
                edges[(graph.Activities[edge.From], graph.Activities[edge.To])].ShouldBe(edge.Count, name);
            }

            var variants = cases.GroupBy(c => string.Join('\u0001', c.Select(e => e.Activity))).ToDictionary(g => g.Key, g => (long)g.Count());
            result.Variants.Variants.Count.ShouldBe(variants.Count, name);
            foreach (var variant in result.Variants.Variants)
            {
                variants[string.Join('\u0001', variant.Activities)].ShouldBe(variant.CaseCount, name);
            }

            var durations = cases.Select(c => (c[^1].Ticks - c[0].Ticks) / (double)TimeSpan.TicksPerSecond).Order().ToArray();
            result.CaseDurations.AllSorted.ShouldBe(durations, name);
        }
    }

    private static List<(string Activity, long Ticks)[]> Naive(EventLog log)
    {
        // Rebuild each case from scratch and sort stably (LINQ OrderBy is stable) by timestamp.
        var cases = new List<(string, long)[]>(log.CaseCount);
        for (var c = 0; c < log.CaseCount; c++)
        {
            var events = new List<(string Activity, long Ticks)>();
            for (var e = log.CaseStarts[c]; e < log.CaseStarts[c + 1]; e++)
            {
                events.Add((log.ActivityNames[log.Activities[e]], log.Timestamps[e]));
            }

            cases.Add([.. events.OrderBy(x => x.Ticks)]);
        }

        return cases;
    }
}
