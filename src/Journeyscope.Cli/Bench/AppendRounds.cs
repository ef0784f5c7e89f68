using System.CommandLine;
using Journeyscope.EventLogs;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// The rounds of the benchmarks that store the generated log and then append its newest events batch by batch (<c>bench
/// append</c>, <c>bench whole-log</c>): their <c>--events</c>, <c>--batch</c> and <c>--rounds</c>, and the split of the log
/// into the stored base and each round's batch (the next events in time: continuing journeys and new ones).
/// </summary>
internal sealed class AppendRounds
{
    /// <summary>Events in the stored base (the generated log has these plus the appended ones).</summary>
    public Option<long> Events { get; } = BenchOptions.GeneratedEvents();

    /// <summary>Events appended per round.</summary>
    public Option<int> Batch { get; } = BenchOptions.Batch("Events appended per round.", 1_000);

    /// <summary>Rounds measured.</summary>
    public Option<int> Rounds { get; } = BenchOptions.Rounds();

    /// <summary>
    /// Checks <c>--batch</c> (1 to 1,000,000) and <c>--rounds</c> (1 to 100), then runs <paramref name="benchmark"/> (the log,
    /// the batch size, the rounds) on a generated log of <c>--events</c> plus the events the rounds append.
    /// </summary>
    public int Run(ParseResult parse, CancellationToken cancellationToken, Func<EventLog, int, int, int> benchmark)
    {
        var size = BenchOptions.InRange(parse, Batch, 1, 1_000_000);
        var rounds = BenchOptions.InRange(parse, Rounds, 1, 100);
        var total = parse.GetValue(Events) + ((long)size * rounds);
        return GeneratedLog.Run(total, cancellationToken, generated => benchmark(generated.Log, size, rounds));
    }

    /// <summary>The events of <paramref name="log"/> in time order.</summary>
    public static int[] TimeOrder(EventLog log)
    {
        var order = new int[log.EventCount];
        var keys = log.Timestamps.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>How many events of <paramref name="order"/> the base holds: all before the last <paramref name="rounds"/> batches.</summary>
    public static int BaseCount(int[] order, int size, int rounds)
    {
        var baseCount = order.Length - (size * rounds);
        return baseCount >= 1 ? baseCount : throw new UsageException("--events must exceed --batch times --rounds.");
    }

    /// <summary>The events <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/> of <paramref name="order"/>, ascending (as <c>SelectEvents</c> takes them).</summary>
    public static int[] Slice(int[] order, int start, int length)
    {
        var slice = order.AsSpan(start, length).ToArray();
        Array.Sort(slice);
        return slice;
    }
}
