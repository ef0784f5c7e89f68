using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Performance;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Simulation;

/// <summary>
/// What an analyst would look at to find each injected problem, computed with the engine's own analyses
/// (segmentation, discovery statistics, filters, value stream). Each signal has a threshold; none should fire
/// on a log without the problem.
/// </summary>
internal static class ProblemSignals
{
    /// <summary>Payment retries (self-loops on Authorise payment per checkout) per device; the worst device and its rate.</summary>
    public static (string Segment, double Rate) PaymentRetries(EventLog log) =>
        Worst(log, "device", RetailActivities.AuthorisePayment, RetailActivities.PlaceOrder, selfLoops: true);

    /// <summary>Double escalations (self-loops on Escalate ticket per ticket) per product line; the worst line and its rate.</summary>
    public static (string Segment, double Rate) DoubleEscalation(EventLog log) =>
        Worst(log, "product_line", RetailActivities.EscalateTicket, RetailActivities.RouteTicket, selfLoops: true);

    /// <summary>Onboarding coverage (cases with the email per case with a new account) per customer type; the lowest.</summary>
    public static (string Segment, double Coverage) OnboardingCoverage(EventLog log)
    {
        var lowest = (Segment: string.Empty, Coverage: double.MaxValue);
        foreach (var segment in Segmentation.Split(log, "customer_type"))
        {
            var stats = Statistics(segment.Log);
            var accounts = Cases(stats, RetailActivities.CreateAccount);
            if (accounts == 0)
            {
                continue;
            }

            var coverage = Cases(stats, RetailActivities.SendOnboardingEmail) / (double)accounts;
            if (coverage < lowest.Coverage)
            {
                lowest = (segment.Value, coverage);
            }
        }

        return lowest;
    }

    /// <summary>
    /// The top bottleneck of the fulfilment hand-overs for single-order customers whose parcel was packed on a Monday.
    /// </summary>
    public static Bottleneck MondayTopBottleneck(EventLog log)
    {
        var singleOrder = Segmentation.Split(log, "orders").Single(s => s.Value == "1").Log;
        var pack = Index(singleOrder, RetailActivities.PackParcel);
        var monday = new List<int>();
        for (var c = 0; c < singleOrder.CaseCount; c++)
        {
            for (var e = singleOrder.CaseStart(c); e < singleOrder.CaseStart(c + 1); e++)
            {
                if (singleOrder.Activities[e] == pack && new DateTime(singleOrder.Timestamps[e], DateTimeKind.Utc).DayOfWeek == DayOfWeek.Monday)
                {
                    monday.Add(c);
                    break;
                }
            }
        }

        var fulfilment = FilterPipeline.Apply(
            singleOrder.SelectCases(monday.ToArray()),
            new ActivityFilter([RetailActivities.PlaceOrder, RetailActivities.PickItems, RetailActivities.PackParcel,
                RetailActivities.ShipOrder, RetailActivities.HandOverToCarrier, RetailActivities.DeliverOrder]));
        return ValueStream.Analyze(fulfilment).Bottlenecks[0];
    }

    /// <summary>Activities of cases that started after <paramref name="change"/> that no case finished before it had.</summary>
    public static IReadOnlyList<string> NewActivitiesAfter(EventLog log, DateTimeOffset change)
    {
        var before = FilterPipeline.Apply(log, new TimeWindowFilter(TimeWindowMode.Contained, DateTime.MinValue.Ticks, change.UtcTicks));
        var after = FilterPipeline.Apply(log, new TimeWindowFilter(TimeWindowMode.Started, change.UtcTicks, DateTime.MaxValue.Ticks));
        var known = Statistics(before).Where(s => s.Events > 0).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return [.. Statistics(after).Where(s => s.Events > 0 && !known.Contains(s.Name)).Select(s => s.Name).Order(StringComparer.Ordinal)];
    }

    private static (string Segment, double Rate) Worst(EventLog log, string attribute, string activity, string per, bool selfLoops)
    {
        var worst = (Segment: string.Empty, Rate: 0.0);
        foreach (var segment in Segmentation.Split(log, attribute))
        {
            var stats = Statistics(segment.Log);
            var denominator = Events(stats, per);
            var numerator = selfLoops ? stats.Where(s => s.Name == activity).Sum(s => s.SelfLoops) : Events(stats, activity);
            var rate = denominator == 0 ? 0 : numerator / (double)denominator;
            if (rate > worst.Rate)
            {
                worst = (segment.Value, rate);
            }
        }

        return worst;
    }

    private static IReadOnlyList<ActivityStatistics> Statistics(EventLog log) => DirectlyFollowsGraph.Discover(log).ActivityStatistics;

    private static long Cases(IReadOnlyList<ActivityStatistics> stats, string name) => stats.Where(s => s.Name == name).Sum(s => s.Cases);

    private static long Events(IReadOnlyList<ActivityStatistics> stats, string name) => stats.Where(s => s.Name == name).Sum(s => s.Events);

    private static int Index(EventLog log, string name)
    {
        for (var i = 0; i < log.ActivityNames.Count; i++)
        {
            if (log.ActivityNames[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
