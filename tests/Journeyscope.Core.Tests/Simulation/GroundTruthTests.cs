using System.Collections.Concurrent;
using Journeyscope.Conformance;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Simulation;

/// <summary>
/// Issue 5, part 3: each injected problem, switched on alone, is found by the engine's analyses in the right place,
/// the other problems' signals stay quiet, and with every problem off no signal crosses its threshold.
/// </summary>
public sealed class GroundTruthTests
{
    private const int Customers = 3000;
    private const double RetryThreshold = 0.15;
    private const double EscalationThreshold = 0.2;
    private const double CoverageThreshold = 0.5;

    private static readonly Journeyscope.Journeys.DesignedJourney Journey = RetailJourney.Create();

    private static readonly ConcurrentDictionary<string, Lazy<SimulationResult>> Runs = new(StringComparer.Ordinal);

    public static TheoryData<string> Kinds => ["payment-retries", "monday-backlog", "double-escalation", "skipped-onboarding", "drift"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Simulate_OnlyThisProblemOn_AnalysesFindItAndNoOther(string kind)
    {
        // Given a simulation with only this problem injected
        var result = Run(kind);
        var problem = result.GroundTruth.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(kind);
        problem.AffectedCases.ShouldNotBeEmpty();

        // When the analyses look for every problem
        var signals = Signals(result);

        // Then exactly this one fires
        signals.Where(s => s.Value).Select(s => s.Key).ShouldBe([kind]);
    }

    [Fact]
    public void Simulate_EveryProblemOff_NoSignalCrossesItsThreshold()
    {
        // Given a simulation without injected problems
        var result = Run("none");
        result.GroundTruth.Problems.ShouldBeEmpty();

        // When the analyses look for every problem, then none fires (false-positive check)
        Signals(result).Where(s => s.Value).Select(s => s.Key).ShouldBeEmpty();
    }

    [Fact]
    public void PaymentRetries_On_ConcentratedInTheConfiguredDevice()
    {
        // Given payment retries injected for android-app
        var result = Run("payment-retries");

        // When retries are split by device
        var (device, rate) = ProblemSignals.PaymentRetries(result.Log);

        // Then the worst device is the configured one, far above the baseline failure rate
        device.ShouldBe(Scenario.Default.Problems.PaymentRetriesDevice);
        rate.ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void MondayBacklog_On_PackToShipIsTopMondayBottleneck()
    {
        // Given the Monday warehouse backlog
        var result = Run("monday-backlog");

        // When the Monday parcels' fulfilment is analysed
        var top = ProblemSignals.MondayTopBottleneck(result.Log);

        // Then Pack parcel → Ship order costs the most waiting time
        (top.Edge.From, top.Edge.To).ShouldBe((RetailActivities.PackParcel, RetailActivities.ShipOrder));
        top.Edge.MeanWaitingTime.ShouldBeGreaterThan(TimeSpan.FromHours(24));
    }

    [Fact]
    public void DoubleEscalation_On_ConcentratedInTheConfiguredProductLine()
    {
        // Given double escalation for electronics
        var result = Run("double-escalation");

        // When escalation loops are split by product line
        var (line, rate) = ProblemSignals.DoubleEscalation(result.Log);

        // Then the worst line is electronics, and its affected cases are the ground truth's
        line.ShouldBe("electronics");
        rate.ShouldBeGreaterThan(0.5);
        var affected = result.GroundTruth.Problems[0].AffectedCases.ToHashSet(StringComparer.Ordinal);
        var productLine = (Journeyscope.EventLogs.StringColumn)result.Log.FindCaseAttribute("product_line")!;
        for (var c = 0; c < result.Log.CaseCount; c++)
        {
            if (affected.Contains(result.Log.CaseIds[c]))
            {
                productLine.GetString(c).ShouldBe("electronics");
            }
        }
    }

    [Fact]
    public void SkippedOnboarding_On_B2BHasNoOnboardingEmail()
    {
        // Given the onboarding email skipped for B2B
        var result = Run("skipped-onboarding");

        // When coverage is split by customer type
        var (type, coverage) = ProblemSignals.OnboardingCoverage(result.Log);

        // Then B2B new accounts never get it
        type.ShouldBe("B2B");
        coverage.ShouldBe(0);
    }

    [Fact]
    public void Drift_On_NewStepOnlyAfterTheChangeDate()
    {
        // Given the drift at the middle of the period
        var result = Run("drift");
        var change = ChangeDate(result.GroundTruth);

        // When cases before and after the change are discovered
        var newActivities = ProblemSignals.NewActivitiesAfter(result.Log, change);

        // Then exactly the new step appears after it, and no event of it is earlier
        newActivities.ShouldBe([Scenario.Default.Problems.DriftActivity]);
        var step = result.Log.ActivityNames.ToList().IndexOf(Scenario.Default.Problems.DriftActivity);
        for (var e = 0; e < result.Log.EventCount; e++)
        {
            if (result.Log.Activities[e] == step)
            {
                result.Log.Timestamps[e].ShouldBeGreaterThanOrEqualTo(change.UtcTicks);
            }
        }
    }

    [Fact]
    public void DeviationReport_PaymentRetries_PayHasTheTopDeviationRateForTheDevice()
    {
        // Given payment retries injected for android-app
        var result = Run("payment-retries");
        var device = Scenario.Default.Problems.PaymentRetriesDevice;

        // When the affected segment and the other customers are checked against the designed journey
        var affected = DeviationSignals.Segment(result.Log, Journey, "device", device);
        var others = DeviationSignals.Segment(result.Log, Journey, "device", device, negate: true);

        // Then payment authorisation is the affected segment's top deviation, far above the other devices' rate
        var (touchpoint, rate) = DeviationSignals.Top(affected);
        touchpoint.ShouldBe("pay");
        rate.ShouldBeGreaterThan(0.2);
        DeviationSignals.RateOf(others, "pay").ShouldBeLessThan(rate / 4);
    }

    [Fact]
    public void DeviationReport_SkippedOnboarding_OnboardingEmailHasTheTopDeviationRateForB2B()
    {
        // Given the onboarding email skipped for B2B
        var result = Run("skipped-onboarding");

        // When B2B and B2C customers are checked against the designed journey
        var b2b = DeviationSignals.Segment(result.Log, Journey, "customer_type", "B2B");
        var b2c = DeviationSignals.Segment(result.Log, Journey, "customer_type", "B2C");

        // Then the onboarding email is B2B's top deviation (skipped), and B2C does not skip it
        var (touchpoint, rate) = DeviationSignals.Top(b2b);
        touchpoint.ShouldBe("onboarding-email");
        rate.ShouldBeGreaterThan(0.3);
        b2b.Touchpoints.Single(t => t.TouchpointId == "onboarding-email").Skipped.ShouldBeGreaterThan(0);
        DeviationSignals.RateOf(b2c, "onboarding-email").ShouldBe(0);
    }

    [Fact]
    public void DeviationReport_DoubleEscalation_EscalateHasTheTopDeviationRateForTheProductLine()
    {
        // Given double escalation for electronics
        var result = Run("double-escalation");

        // When electronics customers are checked against the designed journey
        var report = DeviationSignals.Segment(result.Log, Journey, "product_line", "electronics");

        // Then escalation (repeated) is their top deviation
        DeviationSignals.Top(report).Touchpoint.ShouldBe("escalate");
    }

    [Fact]
    public void DeviationReport_NoProblemInjected_CustomersConformAndNoTouchpointStandsOut()
    {
        // Given a simulation without injected problems
        var result = Run("none");

        // When every customer is checked against the designed journey (with its exits and repeat-purchase loop)
        var report = JourneyConformance.Check(result.Log, Journey, cancellationToken: TestContext.Current.CancellationToken).Report;

        // Then nearly every customer fits, and no touchpoint deviates in more than the baseline declined payments
        report.ConformanceRate.ShouldBeGreaterThan(0.95);
        DeviationSignals.Top(report).Rate.ShouldBeLessThan(0.05);
        report.UnmappedSteps.ShouldBeEmpty();
    }

    [Fact]
    public void DeviationReport_Drift_NewStepIsAnUnexpectedStepOnlyAfterTheChangeDate()
    {
        // Given the drift at the middle of the period
        var result = Run("drift");

        // When every customer is checked against the designed journey
        var report = JourneyConformance.Check(result.Log, Journey, cancellationToken: TestContext.Current.CancellationToken).Report;

        // Then the only unmapped step is the new one, and the affected cases are the ground truth's
        var step = report.UnmappedSteps.ShouldHaveSingleItem();
        step.Activity.ShouldBe(Scenario.Default.Problems.DriftActivity);
        step.Cases.ShouldBe(result.GroundTruth.Problems[0].AffectedCases.Count);
    }

    private static Dictionary<string, bool> Signals(SimulationResult result) => new(StringComparer.Ordinal)
    {
        ["payment-retries"] = ProblemSignals.PaymentRetries(result.Log).Rate > RetryThreshold,
        ["monday-backlog"] = ProblemSignals.MondayTopBottleneck(result.Log).Edge is { From: RetailActivities.PackParcel, To: RetailActivities.ShipOrder },
        ["double-escalation"] = ProblemSignals.DoubleEscalation(result.Log).Rate > EscalationThreshold,
        ["skipped-onboarding"] = ProblemSignals.OnboardingCoverage(result.Log).Coverage < CoverageThreshold,
        ["drift"] = ProblemSignals.NewActivitiesAfter(result.Log, ChangeDate(result.GroundTruth)).Count > 0,
    };

    private static DateTimeOffset ChangeDate(GroundTruth truth) =>
        truth.Start + ((truth.End - truth.Start) * Scenario.Default.Problems.DriftAt);

    private static SimulationResult Run(string kind) => Runs.GetOrAdd(kind, k => new Lazy<SimulationResult>(() =>
    {
        var problems = new InjectedProblems
        {
            PaymentRetries = k == "payment-retries",
            MondayBacklog = k == "monday-backlog",
            DoubleEscalation = k == "double-escalation",
            SkippedOnboarding = k == "skipped-onboarding",
            Drift = k == "drift",
        };
        var scenario = Scenario.Default with { Months = 4, Problems = problems };
        return Simulator.Run(RetailJourney.Create(), scenario, new SimulationOptions { Customers = Customers, Seed = 11 });
    })).Value;
}
