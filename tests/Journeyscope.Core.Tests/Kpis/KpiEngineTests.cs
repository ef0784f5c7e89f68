using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Journeys;
using Journeyscope.Kpis;
using static Journeyscope.Core.Tests.Kpis.KpiTestLogs;

namespace Journeyscope.Core.Tests.Kpis;

public sealed class KpiEngineTests
{
    [Fact]
    public void Compute_Nps_PromotersMinusDetractorsOverAnswers()
    {
        // Given 10 answers: 4 promoters (9, 10, 10, 9), 3 passives, 3 detractors, and one case without an answer
        var log = Orders([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [9, 10, 10, 9, 7, 8, 7, 0, 6, 3, null]);
        var nps = Kpi("nps", "nps", ">= 40", parameters: [("activity", "NPS survey")]);

        // When
        var report = Compute(log, [nps]);

        // Then NPS = 100 * (4 - 3) / 10 = 10, target missed
        var value = report.Kpis[0].Overall;
        value.Value.ShouldNotBeNull().ShouldBe(10.0, 1e-9);
        value.SampleSize.ShouldBe(10);
        value.Status.ShouldBe(KpiStatus.Missed);
        report.Kpis[0].Unit.ShouldBe(KpiUnit.NetScore);
    }

    [Fact]
    public void Compute_OrderCycleTime_MeanSecondsFromFirstFromToFirstToAfterIt()
    {
        var log = Orders([1, 2, 6], [null, null, null]);
        var kpi = Kpi("cycle", "order-cycle-time", "<= 3d", parameters: [("from", "Purchase"), ("to", "Deliver")]);

        var result = Compute(log, [kpi]).Kpis[0];

        result.Overall.Value.ShouldNotBeNull().ShouldBe(3 * 86400.0, 1e-6);
        result.Overall.SampleSize.ShouldBe(3);
        result.Overall.Status.ShouldBe(KpiStatus.Met);
    }

    [Fact]
    public void Compute_BySegmentAndMonth_OneValuePerPeriodAndSegment()
    {
        var log = Orders([1, 3, 1, 3], [10, 0, 10, 0]);
        var kpi = Kpi("nps", "nps", parameters: [("activity", "NPS survey")]);

        var result = Compute(log, [kpi], options: new KpiOptions { SegmentBy = "segment", Period = KpiPeriod.Month }).Kpis[0];

        // All answers are in March 2024; segment A (even cases) promoters only, B detractors only.
        result.Series.Select(v => (v.Period, v.Segment, v.Value)).ShouldBe([("2024-03", "A", 100.0), ("2024-03", "B", -100.0)]);
    }

    [Fact]
    public void Compute_Filters_AppliedBeforeMeasuring()
    {
        var log = Orders([1, 3, 1, 3], [10, 0, 10, 0]);
        var kpi = Kpi("nps", "nps", parameters: [("activity", "NPS survey")]);

        var result = Compute(log, [kpi], options: new KpiOptions { Filters = [FilterParser.Parse("case.segment == A")] });

        result.CaseCount.ShouldBe(2);
        result.Kpis[0].Overall.Value.ShouldBe(100.0);
    }

    [Fact]
    public void Compute_MissingAndUnknownParameters_ReportsEveryProblemWithKpiAndParameter()
    {
        var kpis = new[]
        {
            Kpi("nps", "nps"),
            Kpi("cycle", "order-cycle-time", "<= 5%", parameters: [("from", "Purchase"), ("to", "Deliver"), ("form", "x")]),
            Kpi("what", "no-such-kind"),
            Kpi("churn", "churn-rate"),
            Kpi("ret", "retention-rate", parameters: [("within", "soon")]),
        };

        var error = Should.Throw<KpiException>(() => Compute(EventLog.Empty, kpis));

        error.Message.ShouldContain("KPI 'nps' (kind nps), parameter 'activity': missing");
        error.Message.ShouldContain("KPI 'cycle' (kind order-cycle-time), parameter 'form': order-cycle-time has no parameter 'form'");
        error.Message.ShouldContain("parameter 'target': the target '<= 5%' is a percentage but order-cycle-time is measured in time");
        error.Message.ShouldContain("KPI 'what' (kind no-such-kind): unknown kind 'no-such-kind'");
        error.Message.ShouldContain("churn-rate needs 'cancel'");
        error.Message.ShouldContain("parameter 'within': 'soon' is not a duration");
    }

    [Fact]
    public void Compute_CustomExpressionWithTimeTarget_ShareOfLateCases()
    {
        // Given a journey with a 3-day delivery target and 1 late order out of 4
        var log = Orders([1, 2, 5, 3], [null, null, null, null]);
        var journey = Journey(new TimeTarget("delivery-3d", "Delivery within 3 days", "buy", "deliver", TimeSpan.FromDays(3)));
        var kpi = Kpi("late", "custom", "<= 5%", "count(cases where time_target_breached(delivery-3d)) / count(cases)");

        var result = Compute(log, [kpi], journey).Kpis[0];

        result.Overall.Value.ShouldBe(0.25);
        result.Overall.Status.ShouldBe(KpiStatus.Missed);
    }

    [Fact]
    public void Compute_Touchpoints_ResolveThroughTheJourneyRules()
    {
        var log = Orders([2, 4], [null, null]);
        var kpi = Kpi("cycle", "order-cycle-time", parameters: [("from", "buy"), ("to", "deliver")]);

        var result = Compute(log, [kpi], Journey()).Kpis[0];

        result.Overall.Value.ShouldNotBeNull().ShouldBe(3 * 86400.0, 1e-6);
    }

    [Fact]
    public void Compute_Tree_NpsOfLateVersusOnTimeWithNpsVarianceInterval()
    {
        // Given 40 on-time orders that promote and 40 late ones that detract
        var days = Enumerable.Range(0, 80).Select(i => i < 40 ? 1.0 : 5.0).ToArray();
        var scores = Enumerable.Range(0, 80).Select(i => (int?)(i < 40 ? (i % 4 == 0 ? 7 : 10) : (i % 4 == 0 ? 9 : 2))).ToArray();
        var log = Orders(days, scores);
        var kpis = new[]
        {
            Kpi("nps", "nps", ">= 40", drivers: ["delivery"], parameters: [("activity", "NPS survey")]),
            Kpi("delivery", "order-cycle-time", "<= 3d", parameters: [("from", "Purchase"), ("to", "Deliver")]),
        };

        var link = Compute(log, kpis).Tree.ShouldHaveSingleItem();

        // On time: 30 promoters, 10 passives of 40 => 75; late: 10 promoters, 30 detractors => -50
        link.Split.ShouldBe("delivery <= 3d");
        link.MetValue.ShouldNotBeNull().ShouldBe(75.0, 1e-9);
        link.MissedValue.ShouldNotBeNull().ShouldBe(-50.0, 1e-9);
        link.MetCases.ShouldBe(40);
        link.MissedCases.ShouldBe(40);
        link.Method.ShouldBe("nps-variance");

        // Var(on time) = (.75 + 0 - .5625)/40, Var(late) = (.25 + .75 - .25)/40, in points²
        var half = 1.959963984540054 * Math.Sqrt(((0.1875 / 40) + (0.75 / 40)) * 10000);
        link.Lower.ShouldNotBeNull().ShouldBe(-125 - half, 1e-6);
        link.Upper.ShouldNotBeNull().ShouldBe(-125 + half, 1e-6);
        link.Significant.ShouldBeTrue();
    }

    [Fact]
    public void Compute_TreeForMeanParent_SeededBootstrapIsReproducibleAndCoversTheDifference()
    {
        var days = Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? 1.0 : 5.0).ToArray();
        var amounts = Enumerable.Range(0, 60).Select(i => (i % 2 == 0 ? 100.0 : 60.0) + (i % 7)).ToArray();
        var log = Orders(days, new int?[60], amounts);
        var kpis = new[]
        {
            Kpi("aov", "average-order-value", drivers: ["delivery"], parameters: [("attribute", "amount")]),
            Kpi("delivery", "order-cycle-time", "<= 3d", parameters: [("from", "Purchase"), ("to", "Deliver")]),
        };

        var first = Compute(log, kpis).Tree.Single();
        var second = Compute(log, kpis).Tree.Single();

        first.Method.ShouldBe("bootstrap");
        first.ShouldBe(second);
        first.Difference!.Value.ShouldBeInRange(first.Lower!.Value, first.Upper!.Value);
        first.Upper!.Value.ShouldBeLessThan(0);
    }

    [Theory]
    [InlineData("ticket-volume", 4.0)]
    [InlineData("backlog", 1.0)]
    public void Compute_VolumeAndBacklog_CountCases(string kind, double expected)
    {
        // Given 4 cases of which one never delivered
        var builder = new EventLogBuilder();
        for (var i = 0; i < 4; i++)
        {
            builder.AddEvent($"t{i}", "Open", Start.AddDays(i));
            if (i != 2)
            {
                builder.AddEvent($"t{i}", "Deliver", Start.AddDays(i + 1));
            }
        }

        var kpi = kind == "backlog" ? Kpi("k", kind, parameters: [("resolved", "Deliver")]) : Kpi("k", kind);

        Compute(builder.Build(), [kpi]).Kpis[0].Overall.Value.ShouldBe(expected);
    }

    private static KpiReport Compute(EventLog log, IEnumerable<JourneyKpi> kpis, DesignedJourney? journey = null, KpiOptions? options = null) =>
        KpiEngine.Compute(log, kpis, journey, options, TestContext.Current.CancellationToken);

    private static DesignedJourney Journey(params TimeTarget[] targets) => new(
        "shop", "Shop", null, null, [], DesignedJourney.DefaultStages,
        [
            new Touchpoint("buy", "Buy", "purchase", BlueprintLane.CustomerAction, "web", null, new TouchpointRule(["Purchase"], null, [])),
            new Touchpoint("deliver", "Deliver", "fulfilment", BlueprintLane.PhysicalEvidence, null, null, new TouchpointRule([], "Deliv.*", [])),
        ],
        null, [], [], targets);
}
