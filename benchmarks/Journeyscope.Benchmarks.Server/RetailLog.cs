using Journeyscope.EventLogs;

namespace Journeyscope.Benchmarks.Server;

/// <summary>
/// A reproducible retail journey log for the map benchmark: about 7 events per case over 24 activities, with optional
/// steps, rework loops, choices and a few rare activities, so that the activity and path sliders have something to hide.
/// </summary>
internal static class RetailLog
{
    private static readonly string[] Channels = ["web", "app", "email", "phone", "store", "chat"];

    private static readonly string[] Activities =
    [
        "Visit site", "View product", "Search", "Add to cart", "Start checkout", "Enter address", "Choose delivery",
        "Pay", "Payment retry", "Fraud check", "Order confirmed", "Pick", "Pack", "Ship", "Carrier hand-off",
        "Delivered", "Delivery failed", "Open ticket", "Escalate ticket", "Resolve ticket", "Return requested",
        "Refund issued", "Survey answered", "Repeat purchase",
    ];

    /// <summary>Builds about <paramref name="events"/> events (whole cases), the same for the same seed.</summary>
    public static EventLog Build(long events, int seed = 7)
    {
        var random = new Random(seed);
        var builder = new EventLogBuilder();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var trace = new List<int>(32);
        long written = 0;
        for (var c = 0; written < events; c++)
        {
            Trace(random, trace);
            var caseId = "c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var time = start + (long)(random.NextDouble() * 365 * TimeSpan.TicksPerDay);
            var channel = Channels[random.Next(Channels.Length)];
            foreach (var activity in trace)
            {
                time += TimeSpan.TicksPerSecond * (30 + (long)(random.NextDouble() * random.NextDouble() * 86400));
                var ev = builder.AddEvent(caseId, Activities[activity], time);
                builder.SetChannel(ev, channel);
                written++;
            }
        }

        return builder.Build();
    }

    private static void Trace(Random random, List<int> trace)
    {
        trace.Clear();
        trace.Add(0);
        if (random.NextDouble() < 0.6)
        {
            trace.Add(2);
        }

        var views = 1 + random.Next(3);
        for (var i = 0; i < views; i++)
        {
            trace.Add(1);
        }

        if (random.NextDouble() < 0.35)
        {
            return; // browsed only
        }

        trace.Add(3);
        trace.Add(4);
        if (random.NextDouble() < 0.15)
        {
            return; // abandoned checkout
        }

        trace.Add(5);
        trace.Add(6);
        trace.Add(7);
        while (random.NextDouble() < 0.1)
        {
            trace.Add(8);
        }

        if (random.NextDouble() < 0.05)
        {
            trace.Add(9);
        }

        trace.AddRange([10, 11, 12, 13]);
        if (random.NextDouble() < 0.5)
        {
            trace.Add(14);
        }

        if (random.NextDouble() < 0.08)
        {
            trace.Add(16);
            if (random.NextDouble() < 0.6)
            {
                trace.Add(17);
                if (random.NextDouble() < 0.3)
                {
                    trace.Add(18);
                }

                trace.Add(19);
            }
        }

        trace.Add(15);
        if (random.NextDouble() < 0.06)
        {
            trace.Add(20);
            trace.Add(21);
        }

        if (random.NextDouble() < 0.2)
        {
            trace.Add(22);
        }

        if (random.NextDouble() < 0.25)
        {
            trace.Add(23);
        }
    }
}
