using Journeyscope.Monitoring;

namespace Journeyscope.Storage.Tests.Monitoring;

/// <summary>
/// Issue 16 §5 on the simulator: a scenario with a KPI shift (payment retries fixed on day 180) and a process drift (a new
/// step from the middle of the period) at known dates; the alert and the change points land within the stated delays
/// (docs/monitoring.md, "Acceptance on the simulator").
/// </summary>
public sealed class MonitoringAcceptanceTests(MonitoringSimulationFixture simulation) : IClassFixture<MonitoringSimulationFixture>
{
    /// <summary>The stated delay of a KPI alert: within 14 days of the shift.</summary>
    private const int AlertDelayDays = 14;

    /// <summary>The stated lag of a change point: 200 cases, as in Adams et al. (2023).</summary>
    private const int Lag = 200;

    [Fact]
    public void Run_PaymentFixAtDefaultRates_SustainedShiftAlertWithinTwoWeeksDatedAtTheFix()
    {
        // Given the daily snapshots of 210 days of the simulated scenario, at default retry rates (android-app 2 of 11
        // customers, 60 % of its checkouts retried), with the default 1 % single-period and sustained-shift rules
        var schedule = Assert.Single(simulation.Run.Schedules);
        Assert.True(schedule.Error is null, schedule.Error);
        Assert.Equal(210, schedule.Periods);
        var alerts = schedule.Alerts;
        var fix = MonitoringSimulationFixture.Fix;

        // Then a sustained-shift alert lands within the stated delay, moving down, dated near the fix, naming the
        // period's cases and stating value, expected range and start
        var shifts = alerts.Where(a => a.Kind == AlertKind.SustainedShift && a.PeriodStart >= fix).OrderBy(a => a.PeriodStart).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, alerts.Select(a => a.Message)));
        Assert.NotEmpty(shifts);
        var first = shifts[0];
        Assert.InRange((first.PeriodStart - fix).TotalDays, 0, AlertDelayDays - 1);
        Assert.NotNull(first.ShiftStart);
        Assert.InRange((first.ShiftStart!.Value - fix).TotalDays, -3, AlertDelayDays - 1);
        Assert.True(first.ShiftMean < first.Expected, first.Message);
        Assert.True(first.ExpectedLow < first.Expected && first.Expected < first.ExpectedHigh, first.Message);
        Assert.Contains("has shifted down since", first.Message, StringComparison.Ordinal);
        Assert.Contains("time started", first.CasesFilter, StringComparison.Ordinal);

        // And before the fix both rules stay within a 1 % rate's binomial bound over the ~140 calibrated days (at most 5 each)
        Assert.True(alerts.Count(a => a.Kind == AlertKind.SustainedShift && a.PeriodStart < fix) <= 5,
            string.Join(Environment.NewLine, alerts.Select(a => a.Message)));
        Assert.True(alerts.Count(a => a.Kind == AlertKind.Anomaly && a.PeriodStart < fix) <= 5);
    }

    [Fact]
    public void Detect_NewStepAndPaymentFix_ChangePointsWithinTheLag()
    {
        // Given the drift result of the whole simulated log (12,000 customers)
        var points = simulation.Drift.ChangePoints.Select(p => p.CaseIndex).ToList();
        var driftTruth = simulation.FirstCaseFrom(simulation.DriftAt);
        var fixTruth = simulation.FirstCaseFrom(MonitoringSimulationFixture.Fix);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"truth {driftTruth} (new step), {fixTruth} (fix); detected {string.Join(", ", points)}");
        foreach (var point in simulation.Drift.ChangePoints)
        {
            output?.WriteLine($"{point.CaseIndex} (window {point.Window}): {string.Join(" | ", point.Changes.Select(c => c.Text))}");
        }


        // Then the new step and the end of the retries each have a change point within 200 cases, saying what changed
        var drift = simulation.Drift.ChangePoints.MinBy(p => Math.Abs(p.CaseIndex - driftTruth))!;
        Assert.InRange(drift.CaseIndex - driftTruth, -Lag, Lag);
        Assert.Contains(drift.Changes, c => c.Activity == "Confirm delivery address" || c.To == "Confirm delivery address");
        var fix = simulation.Drift.ChangePoints.MinBy(p => Math.Abs(p.CaseIndex - fixTruth))!;
        Assert.InRange(fix.CaseIndex - fixTruth, -Lag, Lag);

        // And at most one other change point (the log is otherwise stable and every journey is complete)
        Assert.True(points.Count <= 3, string.Join(", ", points));
    }

    [Fact]
    public void Take_MeanKpisAndNetScore_IntervalWithItsMethodAroundTheValue()
    {
        // Given the stored daily snapshots
        var snapshots = simulation.Workspace.ReadSnapshots("daily");
        var day = snapshots[100];

        // Then a share has Wilson's interval, a duration mean a t interval, NPS and the expression the seeded bootstrap,
        // each around its value, overall and per segment
        Assert.Equal("wilson", Method(day, "conversion"));
        Assert.Equal("t", Method(day, "order-cycle-time"));
        Assert.Equal("bootstrap", Method(day, "payment-attempts"));
        Assert.Contains(snapshots.SelectMany(s => s.Kpis), k => k.Kpi == "nps" && k.IntervalMethod == "bootstrap");
        foreach (var k in snapshots.SelectMany(s => s.Kpis).Where(k => k.Low is not null))
        {
            Assert.InRange(k.Value!.Value, k.Low!.Value - 1e-9, k.High!.Value + 1e-9);
        }

        Assert.Contains(day.Kpis, k => k.Segment is not null && k.IntervalMethod == "t");

        // And the series endpoint's points carry the method too
        var series = KpiSeries.From("daily", snapshots, "order-cycle-time", null, []);
        Assert.All(series.Points.Where(p => p.Low is not null), p => Assert.Equal("t", p.IntervalMethod));
    }

    private static string? Method(PeriodSnapshot snapshot, string kpi) =>
        snapshot.Kpis.Single(k => k.Kpi == kpi && k.Segment is null).IntervalMethod;
}
