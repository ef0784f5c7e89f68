using Journeyscope.Agenda;
using Journeyscope.Filters;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Agenda;

/// <summary>Root cause on the retail simulation, where the injected problems are the ground truth.</summary>
public sealed class RootCauseSimulationTests
{
    private const string Retried = "follows " + RetailActivities.AuthorisePayment + " -> " + RetailActivities.AuthorisePayment;

    [Theory]
    [InlineData("android-app")]
    [InlineData("mobile-web")]
    public void Analyze_PaymentRetriesOnOneDevice_ThatDeviceRanksFirst(string device)
    {
        // Given the retail simulation with payment retries injected for one device (the demo's, or moved to another)
        var scenario = Scenario.Default with
        {
            Months = 3,
            Problems = new InjectedProblems { PaymentRetries = true, PaymentRetriesDevice = device },
        };
        var simulation = Simulator.Run(RetailJourney.Create(), scenario, new SimulationOptions { Customers = 2000, Seed = 5 }, TestContext.Current.CancellationToken);

        // When the outcome "payment authorised more than once" is analysed
        var result = RootCauseAnalysis.Analyze(simulation.Log, 1, [FilterParser.Parse(Retried)], cancellationToken: TestContext.Current.CancellationToken);

        // Then that device ranks first, explains the outcome, and the payment activity itself is left out
        var top = result.Factors[0];
        (top.Attribute, top.Value).ShouldBe(("device", device));
        top.Explains.ShouldBeTrue();
        top.RiskDifference.ShouldBeGreaterThan(0.2);
        result.Factors.ShouldNotContain(f => f.Kind == "wait" && f.Attribute == RetailActivities.AuthorisePayment);
    }
}
