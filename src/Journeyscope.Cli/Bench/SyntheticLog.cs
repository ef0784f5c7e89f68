using System.Globalization;
using System.Text;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// Writes a reproducible synthetic customer journey log for benchmarks: about 6.7 events per case over 24
/// activities, with optional steps, rework loops and choices, resources and channels, one event per CSV line.
/// </summary>
internal static class SyntheticLog
{
    private static readonly string[] Channels = ["web", "app", "email", "phone", "store", "chat"];

    public static readonly string[] Activities =
    [
        "Visit site", "View product", "Search", "Add to cart", "Start checkout", "Enter address", "Choose delivery",
        "Pay", "Payment retry", "Fraud check", "Order confirmed", "Pick", "Pack", "Ship", "Carrier hand-off",
        "Delivered", "Delivery failed", "Open ticket", "Escalate ticket", "Resolve ticket", "Return requested",
        "Refund issued", "Survey answered", "Repeat purchase",
    ];

    /// <summary>Writes about <paramref name="events"/> events to <paramref name="path"/>; returns (cases, events).</summary>
    public static (long Cases, long Events) WriteCsv(string path, long events, int seed = 7)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("case_id,activity,timestamp,resource,channel\n");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        long written = 0, cases = 0;
        var trace = new List<int>(32);
        while (written < events)
        {
            cases++;
            NextTrace(random, trace);
            var time = start.AddSeconds(random.NextDouble() * 365 * 86400);
            var channel = Channels[random.Next(Channels.Length)];
            foreach (var activity in trace)
            {
                time = time.AddSeconds(30 + (random.NextDouble() * random.NextDouble() * 86400));
                writer.Write("c");
                writer.Write(cases.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Activities[activity]);
                writer.Write(',');
                writer.Write(time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                writer.Write(",r");
                writer.Write(random.Next(200).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(channel);
                writer.Write('\n');
                written++;
            }
        }

        return (cases, written);
    }

    private static void NextTrace(Random random, List<int> trace)
    {
        trace.Clear();
        trace.Add(0);
        if (random.NextDouble() < 0.6)
        {
            trace.Add(2);
        }

        trace.Add(1);
        if (random.NextDouble() < 0.6)
        {
            return;
        }

        trace.Add(3);
        trace.Add(4);
        if (random.NextDouble() < 0.25)
        {
            return;
        }

        trace.Add(5);
        trace.Add(6);
        trace.Add(7);
        while (random.NextDouble() < 0.1)
        {
            trace.Add(8);
        }

        if (random.NextDouble() < 0.3)
        {
            trace.Add(9);
        }

        trace.Add(10);
        trace.Add(11);
        trace.Add(12);
        trace.Add(13);
        trace.Add(14);
        trace.Add(random.NextDouble() < 0.08 ? 16 : 15);
        if (random.NextDouble() < 0.15)
        {
            trace.Add(17);
            if (random.NextDouble() < 0.3)
            {
                trace.Add(18);
            }

            trace.Add(19);
        }

        if (random.NextDouble() < 0.07)
        {
            trace.Add(20);
            trace.Add(21);
        }

        if (random.NextDouble() < 0.25)
        {
            trace.Add(22);
        }

        if (random.NextDouble() < 0.1)
        {
            trace.Add(23);
        }
    }
}
