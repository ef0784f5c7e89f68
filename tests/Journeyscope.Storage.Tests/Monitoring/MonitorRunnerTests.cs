using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;
using Journeyscope.Monitoring;
using Journeyscope.Simulation;

namespace Journeyscope.Storage.Tests.Monitoring;

/// <summary>
/// The monitoring runner over a workspace: due periods taken once, catch-up after a pause, idempotent re-runs, and a
/// simulated KPI shift at a known date alerting within a stated delay (docs/monitoring.md).
/// </summary>
public sealed class MonitorRunnerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Run_DailySchedule_TakesEachDuePeriodOnceAndCatchesUpAfterAPause()
    {
        // Given a workspace with the retail journey, a simulated log and a daily schedule by device
        using var folder = new TempFolder();
        using var workspace = Workspace.Open(folder.Path);
        var (journey, log) = Simulate(seed: 3, customers: 1500, months: 2, fixedFrom: null);
        WriteJourney(workspace, journey);
        workspace.SaveSchedule(Schedule("daily", "0 0 * * *", segmentBy: "device"));

        // When the runner runs at day 30, again at day 30, then at day 40 and 12:00
        var first = MonitorRunner.Run(workspace, Start.AddDays(30), () => log, cancellationToken: Ct);
        var again = MonitorRunner.Run(workspace, Start.AddDays(30), () => throw new InvalidOperationException("nothing is due"), cancellationToken: Ct);
        var later = MonitorRunner.Run(workspace, Start.AddDays(40).AddHours(12), () => log, cancellationToken: Ct);

        // Then 30 periods, none, then the 10 that ended meanwhile; 40 stored, each once, with every KPI per segment
        Assert.Equal(30, Assert.Single(first.Schedules).Periods);
        Assert.Null(first.Schedules[0].Error);
        Assert.Equal(0, Assert.Single(again.Schedules).Periods);
        Assert.Equal(10, Assert.Single(later.Schedules).Periods);
        var snapshots = workspace.ReadSnapshots("daily");
        Assert.Equal(40, snapshots.Count);
        Assert.Equal(Start.AddDays(40), workspace.LastCompletedPeriod("daily"));
        Assert.Equal(snapshots.Select(s => s.PeriodEnd).Distinct().Count(), snapshots.Count);
        var day = snapshots[20];
        Assert.Equal(day.PeriodStart.AddDays(1), day.PeriodEnd);
        Assert.True(day.Cases > 0);
        Assert.All(journey.Kpis, k => Assert.Contains(day.Kpis, s => s.Kpi == k.Id && s.Segment is null));
        Assert.Contains(day.Kpis, s => s.Segment is not null);
        var conversion = day.Kpis.Single(s => s.Kpi == "conversion" && s.Segment is null);
        Assert.InRange(conversion.Value!.Value, conversion.Low!.Value, conversion.High!.Value);
        var conformance = day.Conformance.Single(c => c.Segment is null);
        Assert.Equal(day.Cases, conformance.Cases);
        Assert.NotEmpty(conformance.TopDeviations);

        // And the status shows nothing due, the next run tomorrow midnight, and the latest period's alerts as open
        var status = MonitorRunner.Status(workspace, Start.AddDays(40).AddHours(12));
        var schedule = Assert.Single(status.Schedules);
        Assert.Equal(0, schedule.DuePeriods);
        Assert.Equal(Start.AddDays(41), schedule.NextRun);
        Assert.All(status.OpenAlerts, a => Assert.Equal(Start.AddDays(40), a.PeriodEnd));
    }

    [Fact]
    public void CompletePeriod_SamePeriodTwice_StoredOnceWithItsAlertsOnce()
    {
        // Given a stored period with one alert
        using var folder = new TempFolder();
        using var workspace = Workspace.Open(folder.Path);
        var snapshot = new PeriodSnapshot("s", "j", Start, Start.AddDays(1), 3, [new KpiSnapshot("k", null, 1, 3, null, null, Kpis.KpiStatus.Met)], []);
        var alert = new KpiAlert("s:k:anomaly:x", "s", "j", "k", "K", AlertKind.Anomaly, Start, Start.AddDays(1), 1, 0, -1, 0.5, 3, null, null, null,
            "time started ..", "K moved.", Start.AddDays(1));
        workspace.SaveSchedule(Schedule("s", "0 0 * * *", null) with { Journey = "j" });

        // When the same period is completed twice (a run repeated after a crash)
        var stored = workspace.CompletePeriod(snapshot, [alert]);
        var repeated = workspace.CompletePeriod(snapshot, [alert]);

        // Then it is stored once, with one alert, pending until notified
        Assert.True(stored);
        Assert.False(repeated);
        Assert.Single(workspace.ReadSnapshots("s"));
        Assert.Single(workspace.ListAlerts("s", pendingOnly: true));
        workspace.MarkNotified([alert.Id]);
        Assert.Empty(workspace.ListAlerts("s", pendingOnly: true));
        Assert.Single(workspace.ListAlerts());
    }

    [Fact]
    public void Run_BadCronOrUnknownJourney_ReportsTheScheduleErrorAndTakesNothing()
    {
        // Given a schedule with a bad cron expression and one naming a missing journey
        using var folder = new TempFolder();
        using var workspace = Workspace.Open(folder.Path);
        workspace.SaveSchedule(Schedule("bad-cron", "61 * * * *", null));
        workspace.SaveSchedule(Schedule("no-journey", "0 0 * * *", null) with { Journey = "missing" });

        // When run
        var run = MonitorRunner.Run(workspace, Start.AddDays(3), () => throw new InvalidOperationException("not loaded"), cancellationToken: Ct);

        // Then each reports why, and nothing is stored
        Assert.Contains("cron expression '61 * * * *' is invalid", run.Schedules.Single(s => s.Schedule == "bad-cron").Error, StringComparison.Ordinal);
        Assert.Contains("journey 'missing' does not exist", run.Schedules.Single(s => s.Schedule == "no-journey").Error, StringComparison.Ordinal);
        Assert.Null(workspace.LastCompletedPeriod("bad-cron"));
        Assert.Throws<MonitorScheduleException>(() => MonitorRunner.Check(workspace, Schedule("x", "0 0 * *", null)));
    }

    [Fact]
    public void Run_SimulatedPaymentFixAtAKnownDate_AnomalyAlertWithinAWeek()
    {
        // Given eight months of simulated retail customers whose android payment retries are fixed on day 180,
        // every android payment (20 in 29 customers) retried until then, and a KPI counting payment attempts per order
        using var folder = new TempFolder();
        using var workspace = Workspace.Open(folder.Path);
        var fix = Start.AddDays(180);
        var (journey, log) = Simulate(seed: 11, customers: 12000, months: 8, fixedFrom: fix, androidWeight: 20);
        WriteJourney(workspace, journey);
        workspace.SaveSchedule(Schedule("daily", "0 0 * * *", "device") with
        {
            Rules = [new AlertRule("payment-attempts", AlertKind.Anomaly)],
        });

        // When every day up to day 200 is snapshotted
        var run = MonitorRunner.Run(workspace, Start.AddDays(200), () => log, cancellationToken: Ct);

        // Then an anomaly alert lands within 7 days of the fix, names android-app as the segment that moved most and the
        // expected range above the value; before the fix the alerts stay within a 1 % rate's binomial bound (<= 5 of ~140)
        var alerts = Assert.Single(run.Schedules).Alerts;
        var after = alerts.Where(a => a.PeriodStart >= fix).OrderBy(a => a.PeriodStart).ToList();
        Assert.NotEmpty(after);
        var first = after[0];
        Assert.InRange((first.PeriodStart - fix).TotalDays, 0, 6);
        Assert.Equal("android-app", first.Segment);
        Assert.True(first.Value < first.ExpectedLow, first.Message);
        Assert.Contains("time started", first.CasesFilter, StringComparison.Ordinal);
        Assert.True(alerts.Count(a => a.PeriodStart < fix) <= 5, string.Join(Environment.NewLine, alerts.Select(a => a.Message)));
    }

    internal static MonitorSchedule Schedule(string id, string cron, string? segmentBy) =>
        new(id, "retail", cron, "UTC", Start, segmentBy, [], []);

    internal static void WriteJourney(Workspace workspace, DesignedJourney journey) =>
        File.WriteAllText(Path.Combine(workspace.JourneysFolder, journey.Id + ".yaml"), JourneyYaml.Write(journey));

    internal static (DesignedJourney Journey, EventLog Log) Simulate(int seed, int customers, int months, DateTimeOffset? fixedFrom, double androidWeight = 2)
    {
        var retail = RetailJourney.Create();
        var attempts = new JourneyKpi("payment-attempts", "Payment attempts per order", "custom", null, [], [],
            new Dictionary<string, string>(), "count(events where activity == \"Authorise payment\") / count(events where activity == \"Place order\")", []);
        var journey = retail with { Kpis = [.. retail.Kpis, attempts] };
        var scenario = Scenario.Default with
        {
            Start = Start,
            Months = months,
            Devices = [new("desktop", 4), new("mobile-web", 3), new("ios-app", 2), new("android-app", androidWeight)],
            Problems = InjectedProblems.None with { PaymentRetries = true, PaymentRetriesProbability = 1, PaymentRetriesFixedFrom = fixedFrom },
        };
        var result = Simulator.Run(journey, scenario, new SimulationOptions { Customers = customers, Seed = seed }, Ct);
        return (journey, result.Log);
    }
}
