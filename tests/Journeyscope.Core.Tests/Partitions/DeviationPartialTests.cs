using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Partitions;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class DeviationPartialTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>
    /// A shop journey over <see cref="AnalysisLogs"/>' activities: designed channels (some never used, some in another letter
    /// case), conditional rules (a touchpoint for app orders, one for gold customers' calls), an optional loop, a parallel
    /// block, unmapped steps (Cancel, most surveys), personas of every kind (case filter, event filter, a ranking of variants,
    /// a filter that does not parse, none), and time targets between touchpoints and stages, in business hours, and unknown.
    /// </summary>
    private static readonly DesignedJourney Shop = new(
        "shop",
        "Shop",
        null,
        null,
        [
            new Persona("gold", "Gold", null, "case.segment == gold"),
            new Persona("app", "App users", null, "event.device == app"),
            new Persona("usual", "Usual paths", null, "variants top 3"),
            new Persona("most", "Most cases", null, "variants coverage 60%"),
            new Persona("quick", "Quick", null, "duration ..2d"),
            new Persona("broken", "Broken", null, "this is (not a filter"),
            new Persona("anyone", "Anyone"),
        ],
        DesignedJourney.DefaultStages,
        [
            new Touchpoint("visit", "Visit", "awareness", BlueprintLane.CustomerAction, "web", null, new TouchpointRule(["Visit"], null, [])),
            new Touchpoint("browse", "Browse", "acquisition", BlueprintLane.CustomerAction, "WEB", null, new TouchpointRule(["Browse"], null, [])),
            new Touchpoint("cart", "Cart", "purchase", BlueprintLane.CustomerAction, "web", null, new TouchpointRule(["Add to cart", "Checkout"], null, [])),
            new Touchpoint("app-order", "App order", "purchase", BlueprintLane.Frontstage, "app", null, new TouchpointRule([], "Ord.*", ["event.device == app"])),
            new Touchpoint("order", "Order", "purchase", BlueprintLane.Frontstage, null, null, new TouchpointRule(["Order"], null, [])),
            new Touchpoint("gold-call", "Gold call", "service", BlueprintLane.Frontstage, "phone", null, new TouchpointRule(["Support call"], null, ["case.segment in (gold)"])),
            new Touchpoint("deliver", "Delivery", "fulfilment", BlueprintLane.Backstage, "store", null, new TouchpointRule(["Delivery"], null, [])),
            new Touchpoint("nps", "NPS", "feedback", BlueprintLane.CustomerAction, "web", null, new TouchpointRule(["NPS survey"], null, [])),
        ],
        ProcessTree.Parse("->( 'visit', X( *( 'browse', tau ), tau ), 'cart', X( 'app-order', 'order' ), +( 'deliver', X( 'gold-call', tau ) ), X( 'nps', tau ) )"),
        [],
        [],
        [
            new TimeTarget("to-order", "Visit to order", "visit", "order", TimeSpan.FromDays(2)),
            new TimeTarget("in-cart", "Time in cart", "cart", "cart", TimeSpan.FromHours(1)),
            new TimeTarget("purchase-to-delivery", "Purchase to delivery", "purchase", "fulfilment", TimeSpan.FromHours(8), BusinessHours: true),
            new TimeTarget("unknown", "Unknown", "visit", "nowhere", TimeSpan.FromDays(1)),
        ]);

    private static readonly DeviationPeriod[] Periods = [DeviationPeriod.Day, DeviationPeriod.Week, DeviationPeriod.Month, DeviationPeriod.Quarter, DeviationPeriod.Year];

    [Fact]
    public void Finish_AnyPartitioning_EqualsWholeLogCheck()
    {
        Gen.Select(Gen.Int, Gen.Int[0, AnalysisLogs.PartitionCounts.Length - 1]).Sample((seed, partitionIndex) =>
        {
            // Given a random log with channels, offsets and attributes, random options, and a split into 1, 2, 7 or 64 partitions
            var random = new Random(seed);
            var log = AnalysisLogs.Random(random, 150, channels: random.Next(4) > 0);
            var options = Options(random);

            // When the check is mapped per segment, merged and finished
            var partial = AnalysisLogs.Partitioned(DeviationPartial.Cache(Shop, options), log, AnalysisLogs.PartitionCounts[partitionIndex]);

            // Then the result equals the whole log's, byte for byte
            partial.CaseCount.ShouldBe(log.CaseCount);
            Json(partial.Finish(3, TestContext.Current.CancellationToken)).ShouldBe(Json(Whole(log, options)));
        });
    }

    [Fact]
    public void Merge_SegmentsInAnyOrderAndGrouping_EqualsWholeLogCheck()
    {
        Gen.Int.Sample(seed =>
        {
            // Given the segments of a random log in 7 partitions, each mapped on its own
            var random = new Random(seed);
            var log = AnalysisLogs.Random(random, 120, channels: true);
            var options = Options(random);
            var parameters = new DeviationParameters(Shop, options);
            var partials = PartitionedEventLog.Create(log, null, 7, 1).Partitions
                .SelectMany(p => p.Segments)
                .Select(s => DeviationPartial.Map(s, parameters, TestContext.Current.CancellationToken))
                .ToList();

            // When they are shuffled, merged in random groups (empty ones included), and the groups merged
            var shuffled = partials.OrderBy(_ => random.Next()).ToList();
            var groups = new List<DeviationPartial> { DeviationPartial.Merge(parameters, []) };
            for (var at = 0; at < shuffled.Count;)
            {
                var take = 1 + random.Next(3);
                groups.Add(DeviationPartial.Merge(parameters, shuffled.Skip(at).Take(take).ToList()));
                at += take;
            }

            var merged = DeviationPartial.Merge(parameters, groups.OrderBy(_ => random.Next()).ToList());

            // Then the result equals the whole log's
            Json(merged.Finish(3, TestContext.Current.CancellationToken)).ShouldBe(Json(Whole(log, options)));
        });
    }

    [Fact]
    public void Finish_LargeLog_ReportsEveryKindOfFigure()
    {
        // Given a large random log with channels, checked in 7 partitions with every pattern listed
        var log = AnalysisLogs.Random(new Random(17), 2000, channels: true);
        var options = new JourneyConformanceOptions { Deviations = new DeviationOptions { TopPatterns = 0, MaxSegmentValues = 100 } };

        // When it is finished
        var result = AnalysisLogs.Partitioned(DeviationPartial.Cache(Shop, options), log, 7).Finish(1, TestContext.Current.CancellationToken);

        // Then every part of the result has figures to compare (the properties above are not vacuous), and it is the whole log's
        result.FittingCases.ShouldBeGreaterThan(0);
        result.FittingCases.ShouldBeLessThan(result.Cases);
        result.Patterns.Count.ShouldBeGreaterThan(10);
        result.Patterns.ShouldContain(p => p.Deviations.Any(d => d.Kind == DeviationKind.OutOfOrder));
        result.Patterns.ShouldContain(p => p.Deviations.Any(d => d.Kind == DeviationKind.Skipped));
        result.Touchpoints.ShouldContain(t => t.Repeated > 0);
        result.UnmappedSteps.ShouldContain(s => s.Activity == "Cancel");
        result.ChannelMismatches.ShouldNotBeEmpty();
        result.ChannelSwitches.ShouldContain(s => s.ExampleCaseIds.Count == 5);
        result.TimeTargets.Count.ShouldBe(3);
        result.TimeTargets.ShouldAllBe(t => t.MeasuredCases > 0);
        result.TimeTargets.ShouldContain(t => t.BreachedCases > 0);
        result.Segments.Select(s => s.Dimension).Distinct().ShouldBe(["case:segment", "case:region", "persona", "channel", "period"], ignoreOrder: true);
        result.Segments.Where(s => s.Dimension == "persona").Select(s => s.Value).ShouldBe(["app", "gold", "most", "quick", "usual"], ignoreOrder: true);
        result.Undesigned.ShouldNotBeEmpty();
        result.Warnings.Count.ShouldBe(2);
        Json(result).ShouldBe(Json(Whole(log, options, 1)));
    }

    [Fact]
    public void Merge_OnePartitionLeftOut_DiffersFromWholeLogCheck()
    {
        // Given the partials of a random log's 7 partitions
        var log = AnalysisLogs.Random(new Random(23), 300, channels: true);
        var parameters = new DeviationParameters(Shop);
        var partitions = PartitionedEventLog.Create(log, null, 7, 1).Partitions;
        var partials = partitions.Select(p => DeviationPartial.Merge(
            parameters, [.. p.Segments.Select(s => DeviationPartial.Map(s, parameters, TestContext.Current.CancellationToken))])).ToList();

        // When one non-empty partition is left out of the merge
        var dropped = partials.FindIndex(p => p.CaseCount > 0);
        var merged = DeviationPartial.Merge(parameters, [.. partials.Where((_, i) => i != dropped)]);

        // Then the result is not the whole log's (the equality above can fail), while all partitions give it
        Json(merged.Finish(1, TestContext.Current.CancellationToken)).ShouldNotBe(Json(Whole(log, JourneyConformanceOptions.Default, 1)));
        Json(DeviationPartial.Merge(parameters, partials).Finish(1, TestContext.Current.CancellationToken)).ShouldBe(Json(Whole(log, JourneyConformanceOptions.Default, 1)));
    }

    [Fact]
    public void Cache_AppendToOnePartition_MapsItsSegmentAndAlignsOnlyNewSequences()
    {
        // Given a cache warm on a random log in 7 partitions, without its last case
        var log = AnalysisLogs.Random(new Random(5), 200, channels: true);
        var last = log.CaseCount - 1;
        var rest = PartitionedEventLog.Create(log.SelectCases([.. Enumerable.Range(0, last)]), null, 7, 1);
        var parameters = new DeviationParameters(Shop);
        var cache = DeviationPartial.Cache(parameters);
        cache.Merge(rest, 1, TestContext.Current.CancellationToken);
        var (maps, merges, aligned) = (cache.SegmentMaps, cache.PartitionMerges, parameters.AlignedVariants);

        // When the last case is appended
        var grown = rest.Update(new HashSet<string>(), new EventLogSegment(log.SelectCases([last]), [last]), 2, out var changed);
        var result = cache.Merge(grown, 1, TestContext.Current.CancellationToken).Finish(2, TestContext.Current.CancellationToken);

        // Then only its segment is mapped, only its partition merged, at most its one sequence aligned, and the result is the whole log's
        changed.Count.ShouldBe(1);
        (cache.SegmentMaps - maps, cache.PartitionMerges - merges).ShouldBe((1L, 1L));
        (parameters.AlignedVariants - aligned).ShouldBeLessThanOrEqualTo(1);
        Json(result).ShouldBe(Json(Whole(log, JourneyConformanceOptions.Default, 2)));
    }

    [Fact]
    public void Merge_PartialOfOtherParameters_Throws()
    {
        // Given a partial of one check
        var log = AnalysisLogs.Random(new Random(3), 10);
        var one = DeviationPartial.Map(new EventLogSegment(log, new long[log.CaseCount]), new DeviationParameters(Shop), TestContext.Current.CancellationToken);

        // When it is merged as a partial of other parameters / Then the merge is refused
        Should.Throw<ArgumentException>(() => DeviationPartial.Merge(new DeviationParameters(Shop), [one]));
    }

    [Fact]
    public void Parameters_JourneyWithoutFlow_Throws()
    {
        // Given a journey without a flow / When parameters are made for it / Then they are refused as the whole-log check refuses it
        Should.Throw<ArgumentException>(() => new DeviationParameters(Shop with { Flow = null }));
    }

    private static JourneyConformanceResult Whole(EventLog log, JourneyConformanceOptions options, long version = 3) =>
        JourneyConformanceResult.From(JourneyConformance.Check(log, Shop, options, TestContext.Current.CancellationToken), version);

    private static string Json(JourneyConformanceResult result) => JsonSerializer.Serialize(result, Exact);

    private static JourneyConformanceOptions Options(Random random) => new()
    {
        Alignment = new AlignmentOptions { TimeBasis = random.Next(3) switch { 0 => null, 1 => TimeBasis.Utc, _ => TimeBasis.WallClock } },
        Deviations = new DeviationOptions
        {
            TopPatterns = random.Next(3) switch { 0 => 0, 1 => 3, _ => 10 },
            ExampleCases = random.Next(7),
            Period = Periods[random.Next(Periods.Length)],
            MaxSegmentValues = random.Next(2) == 0 ? 50 : 1 + random.Next(8),
            SegmentAttributes = random.Next(4) switch { 0 => ["segment"], 1 => ["region", "missing", "segment"], _ => null },
        },
    };
}
