using System.Globalization;
using System.Text.Json;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Partitions;
using Journeyscope.TestSupport;

namespace Journeyscope.Reference.Tests;

/// <summary>
/// The Olist sample (8,135 real orders, 8,225 reviews) as a journey: purchase → approved → handed to carrier → delivered,
/// the promised date as a milestone and the review as a survey event. KPIs from the engine must equal a direct LINQ
/// computation over the raw CSV rows.
/// </summary>
public sealed class OlistJourneyTests
{
    private const string Folder = "datasets/olist_sample_cabg/";

    private static readonly Lazy<(List<Order> Orders, List<Review> Reviews)> Raw = new(ReadRaw);

    private static readonly JourneyKpi[] Kpis =
    [
        Kpi("cycle", "order-cycle-time", "<= 10d", null, [], ("from", "Purchase"), ("to", "Delivered")),
        Kpi("late", KpiCatalogue.Custom, "<= 5%", "count(cases where follows(\"Estimated delivery\", Delivered)) / count(cases where has(Delivered))", []),
        Kpi("review", KpiCatalogue.Custom, ">= 4", "avg(event.score where activity == Review)", ["late"]),
        Kpi("csat", "csat", ">= 80%", null, ["late"], ("activity", "Review")),
        Kpi("orders", "ticket-volume", null, null, [], ("activity", "Purchase")),
    ];

    [Fact]
    public void Kpis_OlistOrders_EqualDirectComputationOverTheCsv()
    {
        // Given the orders and reviews as an event log
        var (orders, reviews) = Raw.Value;
        var log = BuildLog(orders, reviews);

        // When
        var report = KpiEngine.Compute(log, Kpis, options: new KpiOptions { BootstrapSamples = 200 }, cancellationToken: TestContext.Current.CancellationToken);

        // Then order cycle time = mean(delivered - purchase) over delivered orders
        var delivered = orders.Where(o => o.Delivered is not null && o.Delivered >= o.Purchase).ToList();
        var cycle = delivered.Average(o => (o.Delivered!.Value - o.Purchase).TotalSeconds);
        var kpi = report.Kpis.Single(k => k.Id == "cycle");
        kpi.Overall.Value.ShouldNotBeNull().ShouldBe(cycle, 1e-6);
        kpi.Overall.SampleSize.ShouldBe(delivered.Count);

        // Late-delivery rate = delivered after the estimated date / delivered
        var deliveredAll = orders.Where(o => o.Delivered is not null).ToList();
        var lateRate = deliveredAll.Count(o => o.Delivered > o.Estimated) / (double)deliveredAll.Count;
        report.Kpis.Single(k => k.Id == "late").Overall.Value.ShouldNotBeNull().ShouldBe(lateRate, 1e-12);

        // Review score and CSAT over all reviews
        report.Kpis.Single(k => k.Id == "review").Overall.Value.ShouldNotBeNull().ShouldBe(reviews.Average(r => r.Score), 1e-9);
        report.Kpis.Single(k => k.Id == "csat").Overall.Value.ShouldNotBeNull().ShouldBe(reviews.Count(r => r.Score >= 4) / (double)reviews.Count, 1e-12);

        // Review score for on-time vs late deliveries (the KPI tree's split by the late KPI's target)
        var late = deliveredAll.Where(o => o.Delivered > o.Estimated).Select(o => o.Id).ToHashSet();
        var onTime = deliveredAll.Where(o => !(o.Delivered > o.Estimated)).Select(o => o.Id).ToHashSet();
        var link = report.Tree.Single(l => l.ParentId == "review");
        link.MetCases.ShouldBe(onTime.Count);
        link.MissedCases.ShouldBe(late.Count);
        link.MetValue.ShouldNotBeNull().ShouldBe(reviews.Where(r => onTime.Contains(r.OrderId)).Average(r => r.Score), 1e-9);
        link.MissedValue.ShouldNotBeNull().ShouldBe(reviews.Where(r => late.Contains(r.OrderId)).Average(r => r.Score), 1e-9);
        link.Significant.ShouldBeTrue();
        link.Upper.ShouldNotBeNull().ShouldBeLessThan(0);
        TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
            $"Olist: cycle {cycle / 86400:F2} d over {delivered.Count} orders; late {lateRate:P2}; review on time {link.MetValue:F3} ({onTime.Count}) vs late {link.MissedValue:F3} ({late.Count}), difference {link.Difference:F3} [{link.Lower:F3}, {link.Upper:F3}]"));
    }

    [Fact]
    public void Kpis_OlistOrdersByMonth_EqualGroupingOverTheCsv()
    {
        var (orders, reviews) = Raw.Value;
        var log = BuildLog(orders, reviews);

        var report = KpiEngine.Compute(log, [Kpis[^1]], options: new KpiOptions { Period = KpiPeriod.Month }, cancellationToken: TestContext.Current.CancellationToken);

        var expected = orders.GroupBy(o => o.Purchase.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => (double)g.Count());
        var series = report.Kpis[0].Series.Where(v => v.Value > 0).ToDictionary(v => v.Period!, v => v.Value!.Value);
        series.ShouldBe(expected, ignoreOrder: true);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(64)]
    public void Kpis_OlistOrdersPartitioned_EqualWholeLog(int partitions)
    {
        // Given the orders and reviews as an event log and a journey declaring the KPIs (reviews driven by late deliveries)
        var (orders, reviews) = Raw.Value;
        var log = BuildLog(orders, reviews);
        var journey = new DesignedJourney("olist", "Olist", null, null, [], DesignedJourney.DefaultStages, [], null, Kpis, [], []);

        // When they are mapped over the partitions, merged and finished
        var partial = JourneyKpiPartial.Cache(journey, "status").Merge(PartitionedEventLog.Create(log, null, partitions, 1), -1, TestContext.Current.CancellationToken);

        // Then the KPIs by month and order status and the tree (seeded bootstrap included) are the whole log's, to the bit
        var whole = JourneyKpis.Compute(log, journey, 3, KpiPeriod.Month, "status", TestContext.Current.CancellationToken);
        whole.Kpis.Single(k => k.Id == "review").Trend.Count.ShouldBeGreaterThan(12);
        JsonSerializer.Serialize(partial.Finish(3, KpiPeriod.Month, TestContext.Current.CancellationToken))
            .ShouldBe(JsonSerializer.Serialize(whole));
        var tree = JourneyKpiTree.Compute(log, journey, 3, TestContext.Current.CancellationToken);
        tree.Links.ShouldAllBe(l => l.Significant);
        JsonSerializer.Serialize(partial.FinishTree(3, TestContext.Current.CancellationToken)).ShouldBe(JsonSerializer.Serialize(tree));
    }

    private static EventLog BuildLog(List<Order> orders, List<Review> reviews)
    {
        var builder = new EventLogBuilder();
        var score = builder.GetEventAttributeHandle("score", AttributeType.Long);
        var comment = builder.GetEventAttributeHandle("comment");
        foreach (var o in orders)
        {
            builder.AddEvent(o.Id, "Purchase", o.Purchase);
            if (o.Approved is { } approved)
            {
                builder.AddEvent(o.Id, "Approved", approved);
            }

            if (o.Carrier is { } carrier)
            {
                builder.AddEvent(o.Id, "Handed to carrier", carrier);
            }

            if (o.Delivered is { } delivered)
            {
                builder.AddEvent(o.Id, "Delivered", delivered);
            }

            // Recorded after the delivery, so a delivery at the promised instant is not late.
            builder.AddEvent(o.Id, "Estimated delivery", o.Estimated);
            builder.SetCaseAttribute(o.Id, "status", AttributeValue.FromString(o.Status));
        }

        foreach (var r in reviews)
        {
            var e = builder.AddEvent(r.OrderId, "Review", r.Answered);
            builder.SetEventAttribute(e, score, AttributeValue.FromLong(r.Score));
            if (!string.IsNullOrWhiteSpace(r.Comment))
            {
                builder.SetEventAttribute(e, comment, r.Comment);
            }
        }

        return builder.Build();
    }

    private static (List<Order>, List<Review>) ReadRaw()
    {
        static DateTimeOffset? Time(string text) => text.Length == 0
            ? null
            : DateTimeOffset.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        var orders = RawCsv.Read(SharedData.Path(Folder + "olist_orders_dataset.csv")).Skip(1)
            .Select(r => new Order(r[0], r[2], Time(r[3])!.Value, Time(r[4]), Time(r[5]), Time(r[6]), Time(r[7])!.Value)).ToList();
        var reviews = RawCsv.Read(SharedData.Path(Folder + "olist_order_reviews_dataset.csv")).Skip(1)
            .Select(r => new Review(r[1], int.Parse(r[2], CultureInfo.InvariantCulture), r[4], Time(r[6])!.Value)).ToList();
        orders.Count.ShouldBe(8135);
        reviews.Count.ShouldBe(8225);
        return (orders, reviews);
    }

    private static JourneyKpi Kpi(string id, string kind, string? target, string? expression, string[] drivers, params (string Key, string Value)[] parameters) =>
        new(id, id, kind, target, [], [], parameters.ToDictionary(p => p.Key, p => p.Value), expression, drivers);

    private sealed record Order(string Id, string Status, DateTimeOffset Purchase, DateTimeOffset? Approved, DateTimeOffset? Carrier, DateTimeOffset? Delivered, DateTimeOffset Estimated);

    private sealed record Review(string OrderId, int Score, string Comment, DateTimeOffset Answered);
}
