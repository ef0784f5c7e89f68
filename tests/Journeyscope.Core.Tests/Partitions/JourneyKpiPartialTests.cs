using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class JourneyKpiPartialTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly KpiPeriod[] Periods = [KpiPeriod.None, KpiPeriod.Day, KpiPeriod.Week, KpiPeriod.Month, KpiPeriod.Quarter, KpiPeriod.Year];

    private static readonly string?[] SegmentAttributes = [null, "segment", "device", "no such attribute"];

    /// <summary>Every kind of the catalogue and custom expressions over every aggregate, with the target each may get.</summary>
    private static readonly (string Id, string Kind, string? Target, string? Expression, (string Key, string Value)[] Parameters)[] Pool =
    [
        ("nps", "nps", ">= 10", null, [("activity", "survey")]),
        ("nps-amount", "nps", null, null, [("activity", "Order"), ("attribute", "amount")]),
        ("csat", "csat", ">= 60%", null, [("activity", "CSAT survey")]),
        ("stars", "csat", null, null, [("activity", "Stars"), ("satisfied", "3.5")]),
        ("ces", "ces", ">= 4", null, [("activity", "Effort survey")]),
        ("ces-missing", "ces", "<= 3", null, [("activity", "Rate us"), ("attribute", "stars")]),
        ("cycle", "order-cycle-time", "<= 5d", null, [("from", "cart"), ("to", "Delivery")]),
        ("order-span", "order-cycle-time", null, null, [("from", "Order"), ("to", "Order")]),
        ("fcr", "fcr", ">= 50%", null, [("contact", "Support call"), ("resolved", "Delivery")]),
        ("fcr-last", "first-contact-resolution", null, null, [("contact", "Support call")]),
        ("resolution", "resolution-time", "<= 2d", null, [("resolved", "Delivery")]),
        ("resolution-from", "resolution-time", null, null, [("resolved", "Delivery"), ("from", "purchase")]),
        ("tickets", "ticket-volume", null, null, [("activity", "Support call")]),
        ("cases", "ticket-volume", "<= 50", null, []),
        ("backlog", "backlog", "<= 5", null, [("resolved", "Delivery"), ("activity", "Checkout")]),
        ("retention", "retention-rate", ">= 20%", null, [("activity", "Order"), ("within", "14d")]),
        ("visits-back", "retention-rate", null, null, [("within", "3d")]),
        ("clv", "clv", ">= 100", null, [("attribute", "amount")]),
        ("aov", "average-order-value", null, null, [("attribute", "amount"), ("activity", "Order")]),
        ("upsell", "upsell-revenue", null, null, [("attribute", "amount"), ("activity", "Order")]),
        ("feedback", "feedback-volume", null, null, []),
        ("sentiment", "sentiment", ">= 0", null, [("activity", "survey")]),
        ("digital", "digital-engagement", ">= 50%", null, [("attribute", "device"), ("channels", "web, app")]),
        ("no-channel", "digital-engagement", null, null, []),
        ("cac", "cac", "<= 200", null, [("cost", "amount"), ("acquired", "Checkout")]),
        ("conversion", "conversion-rate", ">= 30%", null, [("from", "Visit"), ("to", "Order"), ("within", "3d")]),
        ("conversion-any", "conversion-rate", null, null, [("to", "purchase")]),
        ("churn", "churn-rate", "<= 40%", null, [("cancel", "Cancel"), ("inactivity", "20d")]),
        ("churn-idle", "churn-rate", null, null, [("inactivity", "7d")]),
        ("churn-cancel", "churn-rate", null, null, [("cancel", "Cancel")]),
        ("follows", KpiCatalogue.Custom, ">= 20%", "count(cases where follows(Visit, Order)) / count(cases where has(Visit))", []),
        ("nps-avg", KpiCatalogue.Custom, null, "avg(event.score where activity == \"NPS survey\")", []),
        ("p90", KpiCatalogue.Custom, "<= 10", "percentile(duration, 90) / 1d", []),
        ("digital-revenue", KpiCatalogue.Custom, null, "sum(event.amount where event.device in (web, app)) / count(cases)", []),
        ("breached", KpiCatalogue.Custom, "<= 25%", "count(cases where time_target_breached(cart-to-delivery)) / count(cases where touchpoint(cart))", []),
        ("spread", KpiCatalogue.Custom, null, "max(event.score) - min(event.score where stage(feedback)) + 0 * count(events)", []),
        ("gold-events", KpiCatalogue.Custom, null, "count(events where case.segment == gold and not activity == Cancel) / count(cases where duration > 2d or case.segment != silver)", []),
        ("median-amount", KpiCatalogue.Custom, null, "-percentile(event.amount, 50 where touchpoint(app-order)) + avg(case.segment)", []),
    ];

    private static readonly Touchpoint[] Touchpoints =
    [
        new("cart", "Cart", "purchase", BlueprintLane.CustomerAction, null, null, new TouchpointRule(["Add to cart", "Checkout"], null, [])),
        new("app-order", "App order", "purchase", BlueprintLane.CustomerAction, null, null, new TouchpointRule([], "Ord.*", ["event.device == app"])),
        new("gold-call", "Gold call", "service", BlueprintLane.Frontstage, null, null, new TouchpointRule(["Support call"], null, ["case.segment in (gold)"])),
        new("survey", "Surveys", "feedback", BlueprintLane.CustomerAction, null, null, new TouchpointRule([], ".* survey", [])),
    ];

    [Fact]
    public void Finish_AnyPartitioning_EqualsWholeLogKpisAndTree()
    {
        Gen.Select(Gen.Int, Gen.Int[0, AnalysisLogs.PartitionCounts.Length - 1]).Sample((seed, partitionIndex) =>
        {
            // Given a random log with surveys, orders, repeat purchases and comments over weeks, a journey declaring
            // every kind of KPI with random targets and drivers, a period, a segment attribute and a partitioning
            var random = new Random(seed);
            var log = AnalysisLogs.Random(random, 150);
            var journey = Journey(random);
            var period = Periods[random.Next(Periods.Length)];
            var by = SegmentAttributes[random.Next(SegmentAttributes.Length)];

            // When the KPIs are mapped per segment, merged and finished
            var partial = AnalysisLogs.Partitioned(JourneyKpiPartial.Cache(journey, by), log, AnalysisLogs.PartitionCounts[partitionIndex]);

            // Then the KPIs (values, sample sizes, trend, segments, notes) and the tree (splits, bootstrap intervals) are the whole log's, to the bit
            var cancellationToken = TestContext.Current.CancellationToken;
            partial.CaseCount.ShouldBe(log.CaseCount);
            JsonSerializer.Serialize(partial.Finish(5, period, cancellationToken), Exact)
                .ShouldBe(JsonSerializer.Serialize(JourneyKpis.Compute(log, journey, 5, period, by, cancellationToken), Exact));
            JsonSerializer.Serialize(partial.FinishTree(5, cancellationToken), Exact)
                .ShouldBe(JsonSerializer.Serialize(JourneyKpiTree.Compute(log, journey, 5, cancellationToken), Exact));
        });
    }

    [Fact]
    public void Report_AsOfAndBootstrapChosenAtTheFinish_EqualsEngine()
    {
        Gen.Select(Gen.Int, Gen.Int[0, AnalysisLogs.PartitionCounts.Length - 1]).Sample(
            (seed, partitionIndex) =>
            {
                // Given a random log and journey, and engine options the finish chooses: an as-of moment inside or after the log, the seed and replicates
                var random = new Random(seed);
                var log = AnalysisLogs.Random(random, 100);
                var journey = Journey(random);
                var options = new KpiOptions
                {
                    Period = Periods[random.Next(Periods.Length)],
                    SegmentBy = random.Next(2) == 0 ? "segment" : null,
                    AsOf = random.Next(3) == 0 ? null : new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(24 * 120)),
                    BootstrapSamples = 20 + random.Next(200),
                    Seed = random.Next(),
                };

                // When the partial of a partitioned log is finished with them
                var partial = AnalysisLogs.Partitioned(JourneyKpiPartial.Cache(journey, options.SegmentBy), log, AnalysisLogs.PartitionCounts[partitionIndex]);

                // Then the report equals the engine's over the whole log
                JsonSerializer.Serialize(partial.Report(options, TestContext.Current.CancellationToken), Exact)
                    .ShouldBe(JsonSerializer.Serialize(KpiEngine.Compute(log, journey, options, TestContext.Current.CancellationToken), Exact));
            },
            iter: 40);
    }

    [Fact]
    public void Finish_LargeLog_HasValuesNotesTrendSegmentsAndSignificantLinks()
    {
        // Given a large random log with every activity (its first draw picks how many) and the whole pool of KPIs, each
        // driven by the next (NPS also by the cycle time)
        var seed = Enumerable.Range(1, 100).First(s => new Random(s).Next(7) == 6);
        var log = AnalysisLogs.Random(new Random(seed), 800);
        var journey = Journey(new Random(5)) with { Kpis = [.. Pool.Select((k, i) => Kpi(k, k.Target, i == 0 ? [Pool[1].Id, "cycle"] : [Pool[(i + 1) % Pool.Length].Id]))] };

        // When it is finished from 7 partitions
        var partial = AnalysisLogs.Partitioned(JourneyKpiPartial.Cache(journey, "segment"), log, 7);
        var kpis = partial.Finish(1, KpiPeriod.Week, TestContext.Current.CancellationToken);
        var tree = partial.FinishTree(1, TestContext.Current.CancellationToken);

        // Then the comparison above is not vacuous: most KPIs have values, some have notes, trends span weeks, segments
        // are there, and the tree has bootstrap and NPS intervals
        kpis.Kpis.Where(k => k.Value is null).Select(k => k.Id).ShouldBe(["ces-missing", "no-channel", "median-amount"]);
        kpis.Kpis.ShouldContain(k => k.Notes.Any(n => n.Contains("ignored", StringComparison.Ordinal)));
        kpis.Kpis.ShouldContain(k => k.Notes.Any(n => n.Contains("no event attribute", StringComparison.Ordinal)));
        kpis.Kpis.Single(k => k.Id == "retention").SampleSize.ShouldBeLessThan(kpis.Kpis.Single(k => k.Id == "cases").SampleSize);
        kpis.Kpis.Single(k => k.Id == "cases").Trend.Count.ShouldBeGreaterThan(4);
        kpis.Kpis[0].Segments.Count.ShouldBe(4);
        tree.Links.ShouldContain(l => l.Method == "bootstrap" && l.Lower != null);
        tree.Links.ShouldContain(l => l.Method == "nps-variance" && l.Lower != null);
        JsonSerializer.Serialize(kpis, Exact).ShouldBe(JsonSerializer.Serialize(JourneyKpis.Compute(log, journey, 1, KpiPeriod.Week, "segment", TestContext.Current.CancellationToken), Exact));
        JsonSerializer.Serialize(tree, Exact).ShouldBe(JsonSerializer.Serialize(JourneyKpiTree.Compute(log, journey, 1, TestContext.Current.CancellationToken), Exact));
    }

    [Fact]
    public void Cache_MisconfiguredKpi_ThrowsBeforeMapping()
    {
        // Given a journey with a KPI of an unknown kind / When its cache is created / Then the engine's error is thrown
        var journey = Journey(new Random(1)) with { Kpis = [new JourneyKpi("x", "X", "no-such-kind", null, [], [], new Dictionary<string, string>(), null, [])] };
        Should.Throw<KpiException>(() => JourneyKpiPartial.Cache(journey)).Message.ShouldContain("unknown kind 'no-such-kind'");
    }

    /// <summary>The shop journey with a random selection of the pool, random targets (or none) and random drivers.</summary>
    internal static DesignedJourney Journey(Random random)
    {
        var chosen = Pool.Where(_ => random.Next(3) > 0).ToList();
        var kpis = new List<JourneyKpi>();
        foreach (var kpi in chosen)
        {
            var drivers = random.Next(5) == 0 ? [chosen[random.Next(chosen.Count)].Id] : Array.Empty<string>();
            kpis.Add(Kpi(kpi, random.Next(3) == 0 ? null : kpi.Target, drivers.Where(d => d != kpi.Id).ToArray()));
        }

        return new DesignedJourney("shop", "Shop", null, null, [], DesignedJourney.DefaultStages, Touchpoints, null, kpis, [],
            [new TimeTarget("cart-to-delivery", "Cart to delivery in 4 days", "cart", "Delivery", TimeSpan.FromDays(4))]);
    }

    private static JourneyKpi Kpi((string Id, string Kind, string? Target, string? Expression, (string Key, string Value)[] Parameters) kpi, string? target, string[] drivers) =>
        new(kpi.Id, kpi.Id, kpi.Kind, target, [], [], kpi.Parameters.ToDictionary(p => p.Key, p => p.Value), kpi.Expression, drivers);
}
