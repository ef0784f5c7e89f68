using System.Text.Json;
using System.Text.Json.Serialization;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using Journeyscope.Partitions;
using Journeyscope.Performance;
using Journeyscope.TestSupport;
using Journeyscope.Voc;

namespace Journeyscope.IO.Tests.Partitions;

/// <summary>The partials of funnels, throughput, VoC and journey KPIs over real logs split into partitions equal the whole log's results.</summary>
public sealed class PartialsRealDataTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Theory]
    [InlineData(7)]
    [InlineData(64)]
    public void Funnel_ReceiptLogPartitioned_EqualsWholeLog(int partitions)
    {
        // Given the real receipt log and its intake funnel broken down by channel
        var log = XesImporter.Import(SharedData.Path("logs/receipt.xes.gz"), cancellationToken: TestContext.Current.CancellationToken).Log;
        var definition = new FunnelDefinition(
        [
            new FunnelStep("Confirmation of receipt"), new FunnelStep("T02 Check confirmation of receipt"),
            new FunnelStep("T04 Determine confirmation of receipt"), new FunnelStep("T05 Print and send confirmation of receipt"),
        ])
        { Breakdown = "channel", Window = TimeSpan.FromDays(30) };

        // When it is computed per partition and merged
        var partitioned = FunnelPartial.Cache(definition).Merge(PartitionedEventLog.Create(log, null, partitions, 1), -1, TestContext.Current.CancellationToken).Finish();

        // Then the report and the drop-off cases equal the whole log's
        var whole = FunnelAnalysis.Compute(log, definition, TestContext.Current.CancellationToken);
        whole.Breakdown.Count.ShouldBeGreaterThan(1);
        JsonSerializer.Serialize(FunnelReport.From(partitioned, log.TimeBasis, 1)).ShouldBe(JsonSerializer.Serialize(FunnelReport.From(whole, log.TimeBasis, 1)));
        for (var step = 0; step < definition.Steps.Count; step++)
        {
            partitioned.DropOffCaseIds(step).ShouldBe(whole.DropOffCaseIds(step));
        }
    }

    [Theory]
    [InlineData("logs/helpdesk.xes.gz")]
    [InlineData("logs/receipt.xes.gz")]
    public void Throughput_RealLogPartitioned_EqualsWholeLog(string file)
    {
        // Given a real log split into 64 partitions
        var log = XesImporter.Import(SharedData.Path(file), cancellationToken: TestContext.Current.CancellationToken).Log;
        var analysis = new PartitionedAnalysis();
        var partitioned = PartitionedEventLog.Create(log, null, CasePartitioner.DefaultPartitionCount, 1);

        // When throughput is merged from the partitions / Then it equals the whole log's, per day and per week
        foreach (var granularity in new[] { Granularity.Day, Granularity.Week })
        {
            var whole = Throughput.Analyze(log, granularity, TestContext.Current.CancellationToken);
            whole.Periods.Count.ShouldBeGreaterThan(10);
            JsonSerializer.Serialize(analysis.Throughput(partitioned, granularity, TestContext.Current.CancellationToken)).ShouldBe(JsonSerializer.Serialize(whole));
        }
    }

    [Theory]
    [InlineData("logs/receipt.xes.gz", false)]
    [InlineData("logs/bpic2012.xes.gz", true)]
    public void Performance_RealLogPartitioned_EqualsWholeLog(string file, bool wallClockWithCalendar)
    {
        // Given a real log (bpic2012: lifecycle start/schedule/complete, read on the wall clock with working hours only) in 64 partitions
        var token = TestContext.Current.CancellationToken;
        var log = XesImporter.Import(SharedData.Path(file), cancellationToken: token).Log;
        log = wallClockWithCalendar ? log.ToTimeBasis(TimeBasis.WallClock) : log;
        var options = wallClockWithCalendar ? new ValueStreamOptions { Calendar = BusinessCalendar.Standard } : ValueStreamOptions.Default;

        // When the performance partials are mapped, merged and finished
        var partial = PerformancePartial.Cache(options).Merge(PartitionedEventLog.Create(log, null, CasePartitioner.DefaultPartitionCount, 1), -1, token);

        // Then the record (value stream, case durations, steps in process order, hand-overs, throughput) and the
        // bottlenecks equal the whole log's to the bit
        var whole = PerformanceResult.Analyze(log, 1, options, Granularity.Week, null, token);
        whole.Handovers.Count.ShouldBeGreaterThan(10);
        JsonSerializer.Serialize(partial.Finish(1, Granularity.Week), Exact).ShouldBe(JsonSerializer.Serialize(whole, Exact));
        JsonSerializer.Serialize(partial.FinishBottlenecks(1), Exact).ShouldBe(JsonSerializer.Serialize(BottlenecksResult.Analyze(log, 1, options, cancellationToken: token), Exact));
        if (wallClockWithCalendar)
        {
            whole.ProcessingFrom.ShouldBe(ProcessingTimeSource.LifecyclePairs);
            whole.MeanFlowEfficiency.ShouldNotBeNull();
        }
    }

    [Fact]
    public void Voc_SepsisLabValuesAsAnswers_EqualsWholeLog()
    {
        // Given the real sepsis log, its leucocyte counts read as answers on a 0-10 scale (low counts "unhappy"), its diagnoses as comments
        var log = XesImporter.Import(SharedData.Path("logs/SEPSIS.xes.gz"), cancellationToken: TestContext.Current.CancellationToken).Log;
        var options = new VocOptions
        {
            ScoreAttribute = "Leucocytes",
            CommentAttribute = "Diagnose",
            Scales = new Dictionary<string, SurveyScale> { ["Leucocytes"] = SurveyScale.Nps },
        };

        // When the analysis is mapped over 7 partitions and merged
        var partial = VocPartial.Cache(options).Merge(PartitionedEventLog.Create(log, null, 7, 1), -1, TestContext.Current.CancellationToken);

        // Then the report (surveys, sentiment, moments) and the example comments equal the whole log's to the bit
        var whole = VocAnalysis.Analyze(log, options, TestContext.Current.CancellationToken);
        whole.SurveyedCases.ShouldBeGreaterThan(100);
        whole.Moments.ShouldNotBeEmpty();
        JsonSerializer.Serialize(partial.Finish(TestContext.Current.CancellationToken), Exact).ShouldBe(JsonSerializer.Serialize(whole, Exact));
        JsonSerializer.Serialize(partial.FinishComments(5), Exact)
            .ShouldBe(JsonSerializer.Serialize(ExampleComments.Find(log, options, 5, TestContext.Current.CancellationToken), Exact));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(64)]
    public void JourneyKpis_HelpdeskPartitioned_EqualsWholeLog(int partitions)
    {
        // Given the real helpdesk log and a journey declaring service KPIs (time, first-contact resolution, backlog, churn
        // and retention against the log's last event, custom shares and percentiles) with a KPI tree, by product
        var log = XesImporter.Import(SharedData.Path("logs/helpdesk.xes.gz"), cancellationToken: TestContext.Current.CancellationToken).Log;
        var journey = new DesignedJourney("helpdesk", "Helpdesk", null, null, [], DesignedJourney.DefaultStages,
        [
            new Touchpoint("take", "Take in charge", "service", BlueprintLane.Backstage, null, null, new TouchpointRule(["Take in charge ticket"], null, [])),
            new Touchpoint("resolve", "Resolve", "service", BlueprintLane.Backstage, null, null, new TouchpointRule(["Resolve ticket"], null, [])),
        ], null,
        [
            Kpi("resolution", "resolution-time", "<= 10d", null, ["fcr", "waited"], ("resolved", "resolve")),
            Kpi("fcr", "first-contact-resolution", ">= 80%", null, [], ("contact", "take"), ("resolved", "resolve")),
            Kpi("backlog", "backlog", null, null, [], ("resolved", "Closed")),
            Kpi("tickets", "ticket-volume", null, null, [], ("activity", "Assign seriousness")),
            Kpi("churn", "churn-rate", "<= 10%", null, ["resolution"], ("inactivity", "60d")),
            Kpi("retention", "retention-rate", null, null, [], ("activity", "take"), ("within", "7d")),
            Kpi("closed", "conversion-rate", ">= 90%", null, ["waited"], ("to", "Closed"), ("within", "30d")),
            Kpi("waited", KpiCatalogue.Custom, "<= 5%", "count(cases where has(Wait)) / count(cases)", []),
            Kpi("p90", KpiCatalogue.Custom, null, "percentile(duration, 90) / 1d + 0 * avg(duration where not has(Closed))", ["waited"]),
        ], [], []);

        // When the KPIs are mapped over the partitions, merged and finished
        var cache = JourneyKpiPartial.Cache(journey, "product");
        var partial = cache.Merge(PartitionedEventLog.Create(log, null, partitions, 1), -1, TestContext.Current.CancellationToken);

        // Then the KPIs by month and product and the KPI tree equal the whole log's to the bit
        var whole = JourneyKpis.Compute(log, journey, 1, KpiPeriod.Month, "product", TestContext.Current.CancellationToken);
        whole.Kpis.ShouldAllBe(k => k.Value != null && k.Trend.Count > 10 && k.Segments.Count > 5);
        JsonSerializer.Serialize(partial.Finish(1, KpiPeriod.Month, TestContext.Current.CancellationToken), Exact).ShouldBe(JsonSerializer.Serialize(whole, Exact));
        var tree = JourneyKpiTree.Compute(log, journey, 1, TestContext.Current.CancellationToken);
        tree.Links.Count(l => l.Significant).ShouldBeGreaterThan(1);
        JsonSerializer.Serialize(partial.FinishTree(1, TestContext.Current.CancellationToken), Exact).ShouldBe(JsonSerializer.Serialize(tree, Exact));
    }

    private static JourneyKpi Kpi(string id, string kind, string? target, string? expression, string[] drivers, params (string Key, string Value)[] parameters) =>
        new(id, id, kind, target, [], [], parameters.ToDictionary(p => p.Key, p => p.Value), expression, drivers);
}
