using Journeyscope.IO.Simulation;
using Journeyscope.Monitoring;
using Journeyscope.Simulation;

namespace Journeyscope.Storage.Tests.Monitoring;

/// <summary>
/// Issue 16 §5: with no change injected, over 50 simulated seeds, the KPI alerts stay within the configured false-alarm
/// rate (binomial bound) and drift reports few change points. Each seed is simulated from a scenario written here, and
/// every day is snapshotted and evaluated as the scheduler does (<see cref="SnapshotTaker.Take"/>, then
/// <see cref="AlertEvaluator.Evaluate"/> against the earlier snapshots). Short by default (4 months of about 16
/// customers a day, 5 % rate); <c>JOURNEYSCOPE_LONG=1</c> runs 10 months of about 40 a day at 1 %.
/// </summary>
public sealed class MonitoringFalseAlarmTests
{
    private const int Seeds = 50;

    private static bool Long => Environment.GetEnvironmentVariable("JOURNEYSCOPE_LONG") == "1";

    [Fact]
    public void Simulate_NoChangeOverFiftySeeds_AlertRateWithinTheConfiguredRateAndFewChangePoints()
    {
        // Given a scenario with no problem injected, the payment-attempts KPI under a single-period and a sustained-shift rule
        var (months, customers, rate) = Long ? (10, 12_000, 0.01) : (4, 2_000, 0.05);
        var start = MonitoringSimulationFixture.Start;
        var yaml = $$"""
            scenario: no-change
            start: {{start:yyyy-MM-dd}}
            months: {{months}}
            problems:
              payment_retries: { enabled: false }
              monday_backlog: { enabled: false }
              double_escalation: { enabled: false }
              skipped_onboarding: { enabled: false }
              drift: { enabled: false }
            """;
        var scenario = ScenarioYaml.Read(new StringReader(yaml), "no-change.yaml");
        var retail = RetailJourney.Create();
        var simulated = retail with { Kpis = [.. retail.Kpis, MonitoringScenarios.PaymentAttempts] };
        var journey = simulated with { Kpis = [MonitoringScenarios.PaymentAttempts], Flow = null };
        var schedule = MonitorRunnerTests.Schedule("daily", "0 0 * * *", null) with
        {
            Rules =
            [
                new AlertRule("payment-attempts", AlertKind.Anomaly, rate), new AlertRule("payment-attempts", AlertKind.SustainedShift, rate),
            ],
        };
        var days = (int)(start.AddMonths(months) - start).TotalDays;
        var counts = new int[Seeds, 5];
        var cancellation = TestContext.Current.CancellationToken;

        // When each seed is simulated, snapshotted daily, evaluated, and scanned for drift
        Parallel.For(0, Seeds, new ParallelOptions { CancellationToken = cancellation }, seed =>
        {
            var log = Simulator.Run(simulated, scenario, new SimulationOptions { Customers = customers, Seed = 100 + seed }, cancellation).Log;
            var history = new List<PeriodSnapshot>();
            var alerts = new List<KpiAlert>();
            for (var d = 0; d < days; d++)
            {
                var snapshot = SnapshotTaker.Take(log, journey, schedule, start.AddDays(d), start.AddDays(d + 1), cancellation);
                alerts.AddRange(AlertEvaluator.Evaluate(schedule, journey, history, snapshot, start.AddDays(d + 1)));
                history.Add(snapshot);
            }

            var series = AlertEvaluator.Series(history, "payment-attempts", null);
            var options = schedule.Rules[0].Options();
            counts[seed, 0] = SeasonalBaseline.Scan(series, options).Count(r => r is { Calibrated: true });
            counts[seed, 1] = alerts.Count(a => a.Kind == AlertKind.Anomaly);
            counts[seed, 2] = SustainedShift.Scan(series, options).Count(s => s is { Calibrated: true });
            counts[seed, 3] = alerts.Count(a => a.Kind == AlertKind.SustainedShift);
            counts[seed, 4] = DriftDetector.Detect(log, cancellationToken: cancellation).ChangePoints.Count;
        });

        // Then each rule's alarms per calibrated period are within the rate plus 3.09 binomial standard errors, and drift
        // reports at most one change point in ten stable logs
        var total = Enumerable.Range(0, 5).Select(j => Enumerable.Range(0, Seeds).Sum(s => counts[s, j])).ToArray();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"single period: {total[1]} alerts in {total[0]} calibrated periods; sustained shift: {total[3]} in {total[2]}; " +
            $"drift: {total[4]} change points in {Seeds} logs of {customers} cases; rate {rate:P0}");
        Assert.True(total[0] >= Seeds * 20 && total[2] >= Seeds * 20, $"too few calibrated periods: {total[0]}, {total[2]}");
        Assert.True(total[1] <= Bound(rate, total[0]), $"single period: {total[1]} alerts in {total[0]} periods at {rate:P0}");
        Assert.True(total[3] <= Bound(rate, total[2]), $"sustained shift: {total[3]} alerts in {total[2]} periods at {rate:P0}");
        Assert.True(total[4] <= Seeds / 10, $"{total[4]} change points in {Seeds} stable logs");
    }

    private static double Bound(double rate, int trials) => (rate * trials) + (3.09 * Math.Sqrt(rate * (1 - rate) * trials));
}
