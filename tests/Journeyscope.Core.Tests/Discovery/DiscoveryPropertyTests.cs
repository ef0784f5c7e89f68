using CsCheck;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class DiscoveryPropertyTests
{
    // Few activities and minutes so that repeats, self-loops, shared variants and timestamp ties are common.
    private static readonly Gen<(int Activity, int Minute)[][]> GenCases =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 40]).Array[1, 9].Array[1, 40];

    [Fact]
    public void Merge_AnyChunkingAndMergeOrder_GivesTheSameResult()
    {
        Gen.Select(GenCases, Gen.Int[1, 7].Array[1, 12], Gen.Bool, Gen.Bool).Sample(t =>
        {
            // Given a log and an arbitrary cut into contiguous chunks, merged one by one or as a tree
            var (cases, sizes, reverse, tree) = t;
            var log = DiscoveryTestLogs.Build(cases);
            var expected = DiscoveryTestLogs.Describe(DiscoveryPartial.Compute(log, 0, log.CaseCount).Finish());
            var partials = new List<DiscoveryPartial>();
            for (int first = 0, k = 0; first < log.CaseCount; k++)
            {
                var count = Math.Min(sizes[k % sizes.Length], log.CaseCount - first);
                partials.Add(DiscoveryPartial.Compute(log, first, count));
                first += count;
            }

            if (reverse)
            {
                partials.Reverse();
            }

            // When
            var total = tree ? MergeAsTree(partials) : partials[0];
            foreach (var partial in tree ? [] : partials.Skip(1))
            {
                total.Merge(partial);
            }

            // Then
            total.CaseCount.ShouldBe(log.CaseCount);
            DiscoveryTestLogs.Describe(total.Finish()).ShouldBe(expected);
        }, iter: 150);
    }

    [Fact]
    public void Merge_OtherPartial_StaysUnchanged()
    {
        // Given
        var log = DiscoveryTestLogs.Build(("1", [("a", 0), ("b", 5)]), ("2", [("b", 0), ("a", 9), ("a", 10)]), ("3", [("a", 0)]));
        var first = DiscoveryPartial.Compute(log, 0, 1);
        var rest = DiscoveryPartial.Compute(log, 1, 2);
        var before = DiscoveryTestLogs.Describe(rest.Finish());

        // When
        first.Merge(rest);

        // Then
        DiscoveryTestLogs.Describe(rest.Finish()).ShouldBe(before);
        first.CaseCount.ShouldBe(3);
        rest.CaseCount.ShouldBe(2);
    }

    [Fact]
    public void Discover_AnyChunkSizeInParallel_GivesTheSameResult()
    {
        Gen.Select(GenCases, Gen.Int[1, 9]).Sample(t =>
        {
            // Given
            var (cases, chunkSize) = t;
            var log = DiscoveryTestLogs.Build(cases);
            var expected = DiscoveryTestLogs.Describe(DiscoveryResult.Discover(log, new DiscoveryOptions { MaxDegreeOfParallelism = 1, ChunkSize = int.MaxValue }, TestContext.Current.CancellationToken));

            // When
            var actual = DiscoveryResult.Discover(log, new DiscoveryOptions { MaxDegreeOfParallelism = 2, ChunkSize = chunkSize }, TestContext.Current.CancellationToken);

            // Then
            DiscoveryTestLogs.Describe(actual).ShouldBe(expected);
        }, iter: 100);
    }

    [Fact]
    public void Discover_AnyLog_VariantCountsSumToCasesAndEdgeCountsToPairs()
    {
        GenCases.Sample(cases =>
        {
            // Given
            var log = DiscoveryTestLogs.Build(cases);

            // When
            var result = DiscoveryResult.Discover(log, null, TestContext.Current.CancellationToken);

            // Then
            result.Variants.Variants.Sum(v => v.CaseCount).ShouldBe(log.CaseCount);
            result.Variants.Variants[^1].CumulativeCoverage.ShouldBe(1.0, 1e-12);
            result.DirectlyFollowsGraph.Edges.Sum(e => e.Count).ShouldBe(log.EventCount - log.CaseCount);
            result.PerformanceDfg.Edges.Sum(e => e.Count).ShouldBe(log.EventCount - log.CaseCount);
            result.DirectlyFollowsGraph.StartActivityCounts.ToArray().Sum().ShouldBe(log.CaseCount);
            result.DirectlyFollowsGraph.ActivityStatistics.Sum(s => s.Events).ShouldBe(log.EventCount);
            result.CaseDurations.Count.ShouldBe(log.CaseCount);
        }, iter: 150);
    }

    [Fact]
    public void Discover_FilteredLog_EqualsTheLogRebuiltFromTheFilteredEvents()
    {
        Gen.Select(GenCases, Gen.Int[0, 4], Gen.Int[0, 40]).Sample(t =>
        {
            // Given a filter that drops one activity and every event after a minute
            var (cases, dropped, until) = t;
            var log = DiscoveryTestLogs.Build(cases);
            var keep = new List<int>();
            var droppedCode = log.FindActivity("a" + dropped.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var e = 0; e < log.EventCount; e++)
            {
                if (log.Activities[e] != droppedCode && log.Timestamps[e] <= DiscoveryTestLogs.Origin.Ticks + (until * TimeSpan.TicksPerMinute))
                {
                    keep.Add(e);
                }
            }

            var filtered = log.SelectEvents(keep.ToArray());
            var builder = new EventLogBuilder();
            for (var c = 0; c < filtered.CaseCount; c++)
            {
                for (var e = filtered.CaseStart(c); e < filtered.CaseStart(c + 1); e++)
                {
                    builder.AddEvent(filtered.CaseIds[c], filtered.ActivityNames[filtered.Activities[e]], filtered.Timestamps[e]);
                }
            }

            var rebuilt = builder.Build();

            // When
            var fromFilter = DiscoveryTestLogs.Describe(DiscoveryResult.Discover(filtered, new DiscoveryOptions { ChunkSize = 3 }, TestContext.Current.CancellationToken));
            var fromRebuilt = DiscoveryTestLogs.Describe(DiscoveryResult.Discover(rebuilt, null, TestContext.Current.CancellationToken));

            // Then
            fromFilter.ShouldBe(fromRebuilt);
        }, iter: 150);
    }

    private static DiscoveryPartial MergeAsTree(List<DiscoveryPartial> partials)
    {
        var level = partials;
        while (level.Count > 1)
        {
            var next = new List<DiscoveryPartial>();
            for (var i = 0; i < level.Count; i += 2)
            {
                if (i + 1 < level.Count)
                {
                    level[i].Merge(level[i + 1]);
                }

                next.Add(level[i]);
            }

            level = next;
        }

        return level[0];
    }

    [Fact]
    public void Merge_PartialsOfDifferentLogs_Throws()
    {
        // Given
        var one = DiscoveryTestLogs.Build(("1", [("a", 0)]));
        var two = DiscoveryTestLogs.Build(("1", [("a", 0)]));

        // When / Then
        Should.Throw<ArgumentException>(() => DiscoveryPartial.Compute(one, 0, 1).Merge(DiscoveryPartial.Compute(two, 0, 1)));
    }
}
