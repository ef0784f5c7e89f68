using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Agenda;

/// <summary>
/// A generated shop journey whose gaps are known and concentrated on one device: Visit (web), then for buyers Checkout (web),
/// sometimes Order by phone (a channel switch), Ship, sometimes Redeliver (after which customers are detractors), and for most
/// an NPS survey; one region answers worse.
/// </summary>
internal static class AgendaKindLogs
{
    public static readonly string[] Regions = ["north", "south", "east", "west"];
    public static readonly string[] Devices = ["ios", "android", "desktop"];

    /// <summary>The journey: stages browse, buy, deliver, feedback; NPS with target <paramref name="npsTarget"/>.</summary>
    public static DesignedJourney Journey(string npsTarget = ">= -30")
    {
        Touchpoint[] touchpoints =
        [
            Touch("visit", "Visit the shop", "browse", "web", "Visit"),
            Touch("checkout", "Checkout", "buy", "web", "Checkout"),
            Touch("call-order", "Order by phone", "buy", "phone", "Order by phone"),
            Touch("ship", "Ship the parcel", "deliver", null, "Ship"),
            Touch("redeliver", "Redeliver the parcel", "deliver", null, "Redeliver"),
            Touch("nps", "NPS survey", "feedback", "email", "NPS survey"),
        ];
        var flow = Seq(
            ProcessTree.Leaf("visit"),
            Optional(Seq(
                ProcessTree.Leaf("checkout"),
                Optional(ProcessTree.Leaf("call-order")),
                ProcessTree.Leaf("ship"),
                Optional(ProcessTree.Leaf("redeliver")),
                Optional(ProcessTree.Leaf("nps")))));
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["activity"] = "NPS survey", ["attribute"] = "score" };
        var nps = new JourneyKpi("nps", "Net Promoter Score", "nps", npsTarget, ["feedback"], ["nps"], parameters, null, []);
        Stage[] stages = [new("browse", "Browse"), new("buy", "Buy"), new("deliver", "Deliver"), new("feedback", "Feedback")];
        return new DesignedJourney("shop", "Shop", null, null, [], stages, touchpoints, flow, [nps], [], []);
    }

    /// <summary>What the generator did: the bad device's customers who left, switched, were redelivered; the bad segments' sizes.</summary>
    public sealed record Truth(int DroppedAfterVisit, int Switched, int Redelivered, int InBadRegion, int OnBadDevice);

    /// <summary>
    /// <paramref name="cases"/> customers. On <paramref name="badDevice"/> 60 % leave after the visit (10 % elsewhere), a share
    /// <paramref name="switchShare"/> of buyers switch to the phone (3 % elsewhere) and a share <paramref name="redeliverShare"/>
    /// need a redelivery (3 % elsewhere), after which they score 0–4; customers of <paramref name="badRegion"/> score 2–6
    /// otherwise; the rest 7–10; 80 % of buyers answer the survey. The truth counts the bad device's customers.
    /// </summary>
    public static (EventLog Log, Truth Truth) Generate(
        int seed, int cases, string badRegion, string badDevice, double switchShare = 0.5, double redeliverShare = 0.5)
    {
        var random = new Random(seed);
        var builder = new EventLogBuilder();
        var origin = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        int dropped = 0, switched = 0, redelivered = 0, bad = 0, onDevice = 0;
        for (var i = 0; i < cases; i++)
        {
            var id = "c" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var region = Regions[random.Next(Regions.Length)];
            var device = Devices[random.Next(Devices.Length)];
            var onBad = device == badDevice;
            bad += region == badRegion ? 1 : 0;
            onDevice += onBad ? 1 : 0;
            var t = origin.AddMinutes(i * 11);
            builder.AddEvent(id, "Visit", t);
            builder.SetCaseAttribute(id, "region", AttributeValue.FromString(region));
            builder.SetCaseAttribute(id, "device", AttributeValue.FromString(device));
            if (random.NextDouble() < (onBad ? 0.6 : 0.1))
            {
                dropped += onBad ? 1 : 0;
                continue;
            }

            t = t.AddMinutes(5 + random.Next(20));
            builder.AddEvent(id, "Checkout", t);
            if (random.NextDouble() < (onBad ? switchShare : Math.Min(switchShare, 0.03)))
            {
                switched += onBad ? 1 : 0;
                t = t.AddMinutes(10 + random.Next(20));
                builder.AddEvent(id, "Order by phone", t);
            }

            t = t.AddHours(20 + random.Next(10));
            builder.AddEvent(id, "Ship", t);
            var redelivery = random.NextDouble() < (onBad ? redeliverShare : Math.Min(redeliverShare, 0.03));
            if (redelivery)
            {
                redelivered += onBad ? 1 : 0;
                t = t.AddHours(30 + random.Next(10));
                builder.AddEvent(id, "Redeliver", t);
            }

            if (random.NextDouble() < 0.8)
            {
                var score = redelivery ? random.Next(0, 5) : region == badRegion ? random.Next(2, 7) : random.Next(7, 11);
                var survey = builder.AddEvent(id, "NPS survey", t.AddDays(2));
                builder.SetEventAttribute(survey, "score", AttributeValue.FromDouble(score));
            }
        }

        return (builder.Build(), new Truth(dropped, switched, redelivered, bad, onDevice));
    }

    private static Touchpoint Touch(string id, string name, string stage, string? channel, string activity) =>
        new(id, name, stage, BlueprintLane.Frontstage, channel, null, new TouchpointRule([activity], null, []));

    private static ProcessTree Seq(params ProcessTree[] children) => ProcessTree.Node(ProcessTreeOperator.Sequence, children);

    private static ProcessTree Optional(ProcessTree child) => ProcessTree.Node(ProcessTreeOperator.ExclusiveChoice, [child, ProcessTree.Silent()]);
}
