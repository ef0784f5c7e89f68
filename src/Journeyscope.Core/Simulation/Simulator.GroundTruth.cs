using System.Globalization;
using Journeyscope.Journeys;

namespace Journeyscope.Simulation;

/// <summary>The ground truth of a run: each injected problem with its affected cases and designed KPI effects.</summary>
public static partial class Simulator
{
    private static GroundTruth GroundTruthOf(DesignedJourney journey, SimulationPlan plan, List<string>[] affected)
    {
        var p = plan.Scenario.Problems;
        var problems = new List<GroundTruthProblem>();
        if (p.PaymentRetries)
        {
            problems.Add(new GroundTruthProblem(
                "mobile-payment-retries",
                "payment-retries",
                string.Create(CultureInfo.InvariantCulture, $"Payment authorisation is declined and retried in {p.PaymentRetriesProbability:P0} of checkouts on device '{p.PaymentRetriesDevice}'."),
                Touchpoints(journey, RetailActivities.AuthorisePayment),
                affected[0],
                [
                    new KpiEffect("ces", "down", "Customers who retry the payment answer the CES survey about 1.6 points lower per retry."),
                    new KpiEffect("nps", "down", "Each retry adds friction that lowers the NPS answer."),
                    new KpiEffect("payment-first-time-right", "down", "Authorise payment is repeated (self-loop) in the affected checkouts."),
                ]));
        }

        if (p.MondayBacklog)
        {
            problems.Add(new GroundTruthProblem(
                "monday-warehouse-backlog",
                "monday-backlog",
                string.Create(CultureInfo.InvariantCulture, $"Parcels packed on a Monday wait about {p.MondayBacklogHours:0.#} extra working hours before 'Ship order'."),
                Touchpoints(journey, RetailActivities.ShipOrder),
                affected[1],
                [
                    new KpiEffect("order-cycle-time", "up", "Pack parcel → Ship order becomes the top bottleneck for Monday parcels."),
                    new KpiEffect("on-time-delivery", "down", "More orders miss the 3-day delivery target."),
                    new KpiEffect("nps", "down", "Late deliveries lower the NPS answer by about 2 points."),
                ]));
        }

        if (p.DoubleEscalation)
        {
            problems.Add(new GroundTruthProblem(
                "double-escalation",
                "double-escalation",
                $"Every support ticket about product line '{p.DoubleEscalationProductLine}' is escalated twice before it is resolved.",
                Touchpoints(journey, RetailActivities.EscalateTicket),
                affected[2],
                [
                    new KpiEffect("csat", "down", "Each escalation lowers the CSAT answer by about 0.8."),
                    new KpiEffect("first-contact-resolution", "down", "No affected ticket is resolved without escalation."),
                    new KpiEffect("resolution-time", "up", "Two escalations add two queues of specialist working hours."),
                ]));
        }

        if (p.SkippedOnboarding)
        {
            problems.Add(new GroundTruthProblem(
                "skipped-onboarding-email",
                "skipped-onboarding",
                $"New {p.SkippedOnboardingCustomerType} customers never receive the onboarding email after creating their account.",
                Touchpoints(journey, RetailActivities.SendOnboardingEmail),
                affected[3],
                [
                    new KpiEffect("onboarding-coverage", "down", "The onboarding touchpoint is skipped for every affected new account."),
                    new KpiEffect("nps", "down", "A small friction (0.3 points of pain) for affected customers."),
                ]));
        }

        if (p.Drift)
        {
            var at = new DateTimeOffset(plan.DriftTicks, TimeSpan.Zero);
            problems.Add(new GroundTruthProblem(
                "new-step-drift",
                "drift",
                string.Create(CultureInfo.InvariantCulture, $"From {at:yyyy-MM-dd'T'HH:mm:ss'Z'} every placed order goes through the new step '{p.DriftActivity}' before picking."),
                Touchpoints(journey, p.DriftActivity),
                affected[4],
                [
                    new KpiEffect("conformance", "down", "The new step is not in the designed flow: an unexpected step in every affected order."),
                    new KpiEffect("order-cycle-time", "up", "The step adds 5 to 30 minutes before picking."),
                ]));
        }

        return new GroundTruth(
            plan.Scenario.Name,
            plan.Seed,
            plan.Customers,
            new DateTimeOffset(plan.StartTicks, TimeSpan.Zero),
            new DateTimeOffset(plan.EndTicks, TimeSpan.Zero),
            problems);
    }

    /// <summary>The ids of the journey's touchpoints whose rule names or matches <paramref name="activity"/>.</summary>
    private static string[] Touchpoints(DesignedJourney journey, string activity)
    {
        var ids = new List<string>();
        foreach (var touchpoint in journey.Touchpoints)
        {
            if (TouchpointMapping.MatchingActivities(touchpoint.Rule, [activity])[0])
            {
                ids.Add(touchpoint.Id);
            }
        }

        return [.. ids];
    }
}
