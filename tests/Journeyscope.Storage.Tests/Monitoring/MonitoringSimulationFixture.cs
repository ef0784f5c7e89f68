using Journeyscope.EventLogs;
using Journeyscope.IO.Simulation;
using Journeyscope.Journeys;
using Journeyscope.Monitoring;
using Journeyscope.Simulation;

namespace Journeyscope.Storage.Tests.Monitoring;

/// <summary>
/// One simulated value stream with a KPI shift and a process drift at known dates, monitored daily through the
/// scheduler's code path (<see cref="MonitorRunner"/>) and scanned for drift once, shared by the acceptance tests.
/// </summary>
public sealed class MonitoringSimulationFixture : IDisposable
{
    /// <summary>The first arrival day (a Monday).</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The day the payment retries are fixed: payment attempts per order fall from then on.</summary>
    public static readonly DateTimeOffset Fix = Start.AddDays(180);

    private readonly TempFolder _folder = new();

    public MonitoringSimulationFixture()
    {
        // A scenario variant written here (not the demo's): retries on android-app at their default rate, fixed on
        // day 180; a new step in every order placed after the middle of the period; every other problem off
        var yaml = $$"""
            scenario: monitoring-acceptance
            start: {{Start:yyyy-MM-dd}}
            months: 8
            problems:
              payment_retries: { enabled: true, device: android-app, probability: 0.6, fixed_from: {{Fix:yyyy-MM-dd}} }
              monday_backlog: { enabled: false }
              double_escalation: { enabled: false }
              skipped_onboarding: { enabled: false }
              drift: { enabled: true, activity: Confirm delivery address, at: 0.5 }
            """;
        var scenario = ScenarioYaml.Read(new StringReader(yaml), "monitoring.yaml");
        var retail = RetailJourney.Create();
        var simulated = retail with { Kpis = [.. retail.Kpis, MonitoringScenarios.PaymentAttempts] };
        var result = Simulator.Run(simulated, scenario, new SimulationOptions { Customers = 12_000, Seed = 11 }, TestContext.Current.CancellationToken);
        Log = result.Log;
        DriftAt = result.GroundTruth.Start + ((result.GroundTruth.End - result.GroundTruth.Start) / 2);

        // The monitored journey: the retail KPIs (shares, durations, means, a net score) and the expression under test
        Journey = simulated;
        Workspace = Storage.Workspace.Open(_folder.Path);
        MonitorRunnerTests.WriteJourney(Workspace, Journey);
        Workspace.SaveSchedule(MonitorRunnerTests.Schedule("daily", "0 0 * * *", "device") with
        {
            Rules = [new AlertRule("payment-attempts", AlertKind.Anomaly), new AlertRule("payment-attempts", AlertKind.SustainedShift)],
        });
        Run = MonitorRunner.Run(Workspace, Start.AddDays(210), () => Log, cancellationToken: TestContext.Current.CancellationToken);
        Drift = DriftDetector.Detect(Log, cancellationToken: TestContext.Current.CancellationToken);
    }

    public EventLog Log { get; }

    public DesignedJourney Journey { get; }

    public Workspace Workspace { get; }

    /// <summary>The instant the new step starts (the ground truth's period middle).</summary>
    public DateTimeOffset DriftAt { get; }

    public MonitorRun Run { get; }

    public DriftResult Drift { get; }

    /// <summary>The case index (cases ordered by first event) of the first case that started at or after <paramref name="instant"/>.</summary>
    public int FirstCaseFrom(DateTimeOffset instant)
    {
        var before = 0;
        for (var c = 0; c < Log.CaseCount; c++)
        {
            before += Log.CaseLength(c) > 0 && Log.GetTimestamp(Log.CaseStart(c)) < instant ? 1 : 0;
        }

        return before;
    }

    public void Dispose()
    {
        Workspace.Dispose();
        _folder.Dispose();
    }
}
