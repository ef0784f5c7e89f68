using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Partitions;
using Journeyscope.Performance;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class PerformancePartialTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly ProcessingTimeSource[] Sources = [ProcessingTimeSource.None, ProcessingTimeSource.StartTimestamps, ProcessingTimeSource.LifecyclePairs];

    // Touchpoints out of process order, one conditional on an event attribute, one on a case attribute.
    private static readonly DesignedJourney Journey = new("shop", "Shop", null, null, [], DesignedJourney.DefaultStages,
    [
        new Touchpoint("pay", "Pay", "purchase", BlueprintLane.CustomerAction, null, null, new TouchpointRule(["Checkout", "Order"], null, [])),
        new Touchpoint("app-cart", "App cart", "acquisition", BlueprintLane.CustomerAction, null, null, new TouchpointRule([], "Add.*", ["event.device == app"])),
        new Touchpoint("gold-call", "Gold call", "support", BlueprintLane.Frontstage, null, null, new TouchpointRule(["Support call"], null, ["case.segment in (gold)"])),
        new Touchpoint("visit", "Visit", "awareness", BlueprintLane.CustomerAction, null, null, new TouchpointRule(["Visit"], null, [])),
    ], null, [], [], []);

    private static readonly Gen<(int Seed, int Partitions, int Source, int Variant)> Shapes =
        Gen.Select(Gen.Int, Gen.Int[0, AnalysisLogs.PartitionCounts.Length - 1], Gen.Int[0, Sources.Length - 1], Gen.Int[0, 7]);

    [Fact]
    public void Finish_AnyPartitioning_EqualsWholeLogPerformance()
    {
        Shapes.Sample(shape =>
        {
            // Given a random log (instants, start timestamps or lifecycle pairs), in either time basis, with or without a
            // business calendar and a designed journey, split into 1, 2, 7 or 64 partitions
            var token = TestContext.Current.CancellationToken;
            var random = new Random(shape.Seed);
            var log = AnalysisLogs.Random(random, 120, Sources[shape.Source]);
            log = (shape.Variant & 1) == 0 ? log : log.ToTimeBasis(TimeBasis.WallClock);
            var options = (shape.Variant & 2) == 0 ? ValueStreamOptions.Default : new ValueStreamOptions { Calendar = BusinessCalendar.Standard };
            var journey = (shape.Variant & 4) == 0 ? null : Journey;
            var granularity = random.Next(2) == 0 ? Granularity.Day : Granularity.Week;
            var top = 1 + random.Next(12);

            // When the partials are mapped per segment, merged per partition and over partitions, and finished
            var partitioned = PartitionedEventLog.Create(log, null, AnalysisLogs.PartitionCounts[shape.Partitions], 1);
            var partial = PerformancePartial.Cache(options, journey).Merge(partitioned, 1, token);

            // Then the performance record, the value stream and the bottlenecks equal the whole log's, to the bit
            JsonSerializer.Serialize(partial.Finish(3, granularity), Exact)
                .ShouldBe(JsonSerializer.Serialize(PerformanceResult.Analyze(log, 3, options, granularity, journey, token), Exact));
            var stream = ValueStream.Analyze(log, options, token);
            JsonSerializer.Serialize(partial.FinishValueStream(), Exact).ShouldBe(JsonSerializer.Serialize(stream, Exact));
            JsonSerializer.Serialize(partial.FinishBottlenecks(3, top), Exact)
                .ShouldBe(JsonSerializer.Serialize(BottlenecksResult.Analyze(log, 3, options, top, token), Exact));
            partial.Source.ShouldBe(stream.Source);
            partial.CaseCount.ShouldBe(log.CaseCount);
        });
    }

    [Fact]
    public void Merge_AnyOrderAndGrouping_GivesTheSameRecord()
    {
        Shapes.Sample(shape =>
        {
            // Given the partials of a random log's segments, measured under the source their evidence decides
            var random = new Random(shape.Seed);
            var log = AnalysisLogs.Random(random, 80, Sources[shape.Source]);
            var segments = PartitionedEventLog.Create(log, null, AnalysisLogs.PartitionCounts[shape.Partitions], 1).Partitions
                .SelectMany(p => p.Segments).ToList();
            var source = ProcessingTimeEvidence.Merge([.. segments.Select(ProcessingTimeEvidence.Map)]).Resolve();
            var parts = segments.Select(s => PerformancePartial.Map(s, source, journey: Journey)).ToList();

            // When merged shuffled, in two halves, with empty merges in between
            var shuffled = parts.OrderBy(_ => random.Next()).ToList();
            var half = shuffled.Count / 2;
            var merged = PerformancePartial.Merge(
                [PerformancePartial.Merge(shuffled[..half]), PerformancePartial.Merge([]), PerformancePartial.Merge(shuffled[half..])]);

            // Then the record is the whole log's
            source.ShouldBe(ValueStream.Detect(log));
            JsonSerializer.Serialize(merged.Finish(1), Exact)
                .ShouldBe(JsonSerializer.Serialize(PerformanceResult.Analyze(log, 1, journey: Journey, cancellationToken: TestContext.Current.CancellationToken), Exact));
        });
    }

    [Fact]
    public void Cache_AppendsInPlace_EqualsRecomputeAfterEachAppendAndMapsOnlyNewSegments()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 400], Gen.Int[1, 60], Gen.Int[0, AnalysisLogs.PartitionCounts.Length - 1], Gen.Int[1, 6]).Sample(
            (seed, events, cases, partitionIndex, slices) =>
            {
                // Given a random stream appended in slices, touched cases removed and re-added whole, and one cache
                var random = new Random(seed);
                var stream = PartitionLogs.Stream(random, events, cases, 1 + random.Next(6));
                var cuts = PartitionLogs.Cuts(stream.Length, slices);
                var cache = PerformancePartial.Cache();
                var step = 0;
                long segments = 0;

                // When the cache merges the log after every append
                PartitionLogs.Grow(stream, AnalysisLogs.PartitionCounts[partitionIndex], cuts, partitioned =>
                {
                    // Then each record equals the recompute of the whole log so far, and only new segments were mapped
                    var (whole, _) = PartitionLogs.Build(stream, cuts[step++]);
                    JsonSerializer.Serialize(cache.Merge(partitioned, 1).Finish(1, Granularity.Day), Exact)
                        .ShouldBe(JsonSerializer.Serialize(PerformanceResult.Analyze(whole, 1, granularity: Granularity.Day), Exact));
                    segments += partitioned.Partitions.Sum(p => p.Segments.Count);
                    cache.SegmentMaps.ShouldBeLessThanOrEqualTo(segments);
                });
            });
    }

    [Fact]
    public void Cache_SegmentsWithAndWithoutTheStartColumn_MeasuresAsTheWholeLog()
    {
        // Given a log whose cases are split into a segment read from a file without start timestamps (no column at all)
        // and one with start timestamps, and the same cases as one log
        var token = TestContext.Current.CancellationToken;
        var plain = new EventLogBuilder();
        var timed = new EventLogBuilder();
        var whole = new EventLogBuilder();
        for (var c = 0; c < 6; c++)
        {
            foreach (var builder in c < 3 ? new[] { plain, whole } : new[] { timed, whole })
            {
                for (var k = 0; k < 4; k++)
                {
                    var e = builder.AddEvent($"c{c}", $"step {(char)('A' + ((c + k) % 3))}", ((c * 1000) + (k * 10)) * TimeSpan.TicksPerHour);
                    if (c >= 3 && k > 0)
                    {
                        builder.SetStartTimestamp(e, ((c * 1000) + (k * 10) - k) * TimeSpan.TicksPerHour);
                    }
                }
            }
        }

        var plainLog = plain.Build();
        var timedLog = timed.Build();
        plainLog.StartTimestamps.ShouldBeNull();
        var partitioned = PartitionedEventLog.Create(plainLog, [0, 1, 2], 1, 1)
            .Update(new HashSet<string>(StringComparer.Ordinal), new EventLogSegment(timedLog, [3, 4, 5]), 2, out _);

        // When the cache decides the source from the segments' evidence and merges
        var partial = PerformancePartial.Cache().Merge(partitioned, 1, token);

        // Then the source is the start timestamps, and the record equals the whole log's
        partial.Source.ShouldBe(ProcessingTimeSource.StartTimestamps);
        JsonSerializer.Serialize(partial.Finish(1), Exact).ShouldBe(JsonSerializer.Serialize(PerformanceResult.Analyze(whole.Build(), 1, cancellationToken: token), Exact));
    }

    [Fact]
    public void Cache_ForcedSourceTheLogLacks_ThrowsAsTheEngine()
    {
        // Given a log of instant events and options forcing lifecycle pairs
        var log = AnalysisLogs.Random(new Random(3), 20, ProcessingTimeSource.None);
        var options = new ValueStreamOptions { Source = ProcessingTimeSource.LifecyclePairs };

        // When the partials are merged / Then the options are refused, as the whole-log engine refuses them
        Should.Throw<ArgumentException>(() => ValueStream.Analyze(log, options, TestContext.Current.CancellationToken));
        Should.Throw<ArgumentException>(() => PerformancePartial.Cache(options).Merge(PartitionedEventLog.Create(log, null, 2, 1), 1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Merge_DifferentSources_Throws()
    {
        // Given one segment measured under two sources
        var log = AnalysisLogs.Random(new Random(5), 10, ProcessingTimeSource.StartTimestamps);
        var segment = new EventLogSegment(log, [.. Enumerable.Range(0, log.CaseCount).Select(c => (long)c)]);

        // When their partials are merged / Then they are refused
        Should.Throw<ArgumentException>(() => PerformancePartial.Merge(
            [PerformancePartial.Map(segment, ProcessingTimeSource.None), PerformancePartial.Map(segment, ProcessingTimeSource.StartTimestamps)]));
    }
}
