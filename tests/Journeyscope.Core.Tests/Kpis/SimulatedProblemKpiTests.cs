using Journeyscope.Kpis;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Kpis;

/// <summary>The simulator's injected problems move the KPIs they are designed to move, and the KPI tree shows it.</summary>
public sealed class SimulatedProblemKpiTests
{
    private const int Customers = 3000;

    [Fact]
    public void MondayBacklog_On_RaisesOrderCycleTimeAndTheTreeLinksLateDeliveryToLowerNps()
    {
        // Given the same customers simulated without problems and with only the Monday warehouse backlog
        var journey = RetailJourney.Create();
        var calm = Kpis(journey, new InjectedProblems());
        var backlog = Kpis(journey, new InjectedProblems { MondayBacklog = true });

        // When the order cycle time and the NPS ← order-cycle-time link are read
        var calmCycle = calm.Kpis.Single(k => k.Id == "order-cycle-time").Overall.Value!.Value;
        var backlogCycle = backlog.Kpis.Single(k => k.Id == "order-cycle-time").Overall.Value!.Value;
        var link = backlog.Tree.Single(l => l.ParentId == "nps" && l.DriverId == "order-cycle-time");

        // Then the backlog lengthens the cycle by hours, and customers delivered late score NPS clearly lower
        (backlogCycle - calmCycle).ShouldBeGreaterThan(TimeSpan.FromHours(3).TotalSeconds);
        link.Difference!.Value.ShouldBeLessThan(0);
        link.Significant.ShouldBeTrue();
    }

    [Fact]
    public void DoubleEscalation_On_LengthensResolutionTime()
    {
        // Given the same customers without problems and with tickets escalated twice for one product line
        var journey = RetailJourney.Create();
        var calm = Kpis(journey, new InjectedProblems());
        var escalated = Kpis(journey, new InjectedProblems { DoubleEscalation = true });

        // When the resolution time is read
        var before = calm.Kpis.Single(k => k.Id == "resolution-time").Overall.Value!.Value;
        var after = escalated.Kpis.Single(k => k.Id == "resolution-time").Overall.Value!.Value;

        // Then it is longer with the problem on
        after.ShouldBeGreaterThan(before);
    }

    private static KpiReport Kpis(Journeyscope.Journeys.DesignedJourney journey, InjectedProblems problems)
    {
        var scenario = Scenario.Default with { Months = 4, Problems = problems };
        var log = Simulator.Run(journey, scenario, new SimulationOptions { Customers = Customers, Seed = 11 }).Log;
        return KpiEngine.Compute(log, journey, cancellationToken: TestContext.Current.CancellationToken);
    }
}
