using Journeyscope.EventLogs;
using Journeyscope.Kpis;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Kpis;

/// <summary>In the retail demo, an escalated ticket brings a second contact, so first-contact resolution is below 100 %.</summary>
public sealed class SimulatedFirstContactResolutionTests
{
    [Fact]
    public void FirstContactResolution_SimulatedRetailDemo_IsTheShareOfTicketsResolvedWithoutEscalation()
    {
        // Given the retail demo simulated (3,000 customers, the default scenario: 15 % of tickets escalated)
        var journey = RetailJourney.Create();
        var scenario = Scenario.Default with { Months = 4 };
        var log = Simulator.Run(journey, scenario, new SimulationOptions { Customers = 3000, Seed = 11 }, TestContext.Current.CancellationToken).Log;

        // When first-contact resolution is computed
        var report = KpiEngine.Compute(log, journey, cancellationToken: TestContext.Current.CancellationToken);
        var fcr = report.Kpis.Single(k => k.Id == "first-contact-resolution").Overall;

        // Then it is below 100 %, and equals the share, counted from the events, of resolved cases with no escalation
        // before their first resolution (each escalation makes the customer chase the ticket once more)
        var (resolved, escalated) = CountTickets(log);
        resolved.ShouldBeGreaterThan(100);
        escalated.ShouldBeGreaterThan(0);
        fcr.Value.ShouldNotBeNull().ShouldBeLessThan(1.0);
        fcr.Value!.Value.ShouldBe((resolved - escalated) / (double)resolved, 1e-12);
        fcr.SampleSize.ShouldBe(resolved);
    }

    /// <summary>Cases with a contact and a resolution after it, and among them those escalated before the first resolution.</summary>
    private static (int Resolved, int Escalated) CountTickets(EventLog log)
    {
        int contact = IndexOf(log, RetailActivities.ContactSupport), resolve = IndexOf(log, RetailActivities.ResolveTicket);
        var escalate = IndexOf(log, RetailActivities.EscalateTicket);
        int resolved = 0, escalated = 0;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var activities = log.CaseActivities(c).ToArray();
            var firstResolve = Array.IndexOf(activities, resolve);
            var firstContact = Array.IndexOf(activities, contact);
            if (firstContact < 0 || firstResolve < firstContact)
            {
                continue;
            }

            resolved++;
            if (Array.IndexOf(activities, escalate, 0, firstResolve) >= 0)
            {
                escalated++;
            }
        }

        return (resolved, escalated);
    }

    private static int IndexOf(EventLog log, string activity) => log.ActivityNames.ToList().IndexOf(activity);
}
