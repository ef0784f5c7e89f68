using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.Agenda;

/// <summary>Generated logs whose outcome is known: Start, sometimes Escalate, Pack, Ship, End.</summary>
internal static class RootCauseLogs
{
    public static readonly string[] Tiers = ["gold", "silver", "bronze"];
    public static readonly string[] Regions = ["north", "south", "east", "west"];
    public static readonly string[] Plans = ["basic", "pro"];

    /// <summary>
    /// A log of <paramref name="cases"/> cases with case attributes tier, region and plan and a resource on Start.
    /// A case is escalated with <paramref name="goldRate"/> when its tier is <paramref name="causeTier"/>, else with
    /// <paramref name="baseRate"/> (equal rates: no attribute goes with the outcome). Cases of <paramref name="slowTier"/>,
    /// when given, wait 30 hours between Pack and Ship instead of about 2.
    /// </summary>
    public static EventLog Generate(int seed, int cases, double goldRate, double baseRate, string causeTier = "gold", string? slowTier = null)
    {
        var random = new Random(seed);
        var builder = new EventLogBuilder();
        var origin = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < cases; i++)
        {
            var id = "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var tier = Tiers[random.Next(Tiers.Length)];
            var region = Regions[random.Next(Regions.Length)];
            var plan = Plans[random.Next(Plans.Length)];
            var escalated = random.NextDouble() < (tier == causeTier ? goldRate : baseRate);
            var t = origin.AddMinutes(i * 7);
            var start = builder.AddEvent(id, "Start", t);
            builder.SetResource(start, random.Next(2) == 0 ? "ann" : "bob");
            t = t.AddMinutes(30 + random.Next(30));
            if (escalated)
            {
                builder.AddEvent(id, "Escalate", t);
                t = t.AddMinutes(30 + random.Next(30));
            }

            builder.AddEvent(id, "Pack", t);
            t = t.AddHours(tier == slowTier ? 30 + random.NextDouble() : 2 + random.NextDouble());
            builder.AddEvent(id, "Ship", t);
            builder.AddEvent(id, "End", t.AddMinutes(10 + random.Next(30)));
            builder.SetCaseAttribute(id, "tier", AttributeValue.FromString(tier));
            builder.SetCaseAttribute(id, "region", AttributeValue.FromString(region));
            builder.SetCaseAttribute(id, "plan", AttributeValue.FromString(plan));
        }

        return builder.Build();
    }
}
