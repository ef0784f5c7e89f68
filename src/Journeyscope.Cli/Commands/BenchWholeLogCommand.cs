using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.IO;
using Journeyscope.Partitions;
using Journeyscope.Storage;
using EventLog = Journeyscope.EventLogs.EventLog;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench whole-log</c>: after an append to a stored log, the whole <see cref="EventLog"/> two ways on the same
/// store: assembled in memory from the partitioned log grown in place (refresh of the changed cases + the store's activity
/// order + <see cref="WholeEventLog"/>; what the server's log cache does for a followed workspace) versus a whole read of the
/// store (<see cref="Workspace.LoadEventLog"/>, what it did before). The logs are checked equal value by value.
/// </summary>
internal static class BenchWholeLogCommand
{
    public static Command Create(CliContext context)
    {
        var rounds = new AppendRounds();
        var command = new Command("whole-log",
            "After an append, the whole event log assembled in memory from the partitioned log grown in place versus a whole read of " +
            "the store, on the same store in one run, logs checked equal.\nExample: journeyscope bench whole-log --events 1000000 --batch 1000")
        {
            rounds.Events, rounds.Batch, rounds.Rounds,
        };
        command.SetAction((parse, cancellationToken) =>
            Task.FromResult(rounds.Run(parse, cancellationToken, (all, size, count) => Run(context, parse, all, size, count, cancellationToken))));
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, EventLog all, int size, int rounds, CancellationToken cancellationToken)
    {
        // The events in time order: the base is everything before the last rounds * size events; each round appends the next.
        var order = AppendRounds.TimeOrder(all);
        var baseCount = AppendRounds.BaseCount(order, size, rounds);

        var folder = Directory.CreateTempSubdirectory("journeyscope-bench-whole-log-");
        try
        {
            using var workspace = Workspace.Open(folder.FullName);
            var baseLog = all.SelectEvents(AppendRounds.Slice(order, 0, baseCount));
            workspace.AppendAsync(new ImportResult(baseLog, "csv", baseLog.EventCount, [], []), "base.csv", cancellationToken).GetAwaiter().GetResult();

            // The live side warms up once (its first read of every case), as the server does when it starts following.
            var live = new LiveEventLog(workspace);
            live.RefreshAsync(cancellationToken).GetAwaiter().GetResult();

            var table = new Table("Whole log after an append", "Round", "Events stored", "Assembled in memory (s)", "of which refresh (s)",
                "Whole read of the store (s)", "Speed-up", "Peak MiB assembled / read");
            var differences = new List<string>();
            var ratios = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var slice = all.SelectEvents(AppendRounds.Slice(order, baseCount + (round * size), size));
                workspace.AppendAsync(new ImportResult(slice, "csv", slice.EventCount, [], []), $"batch{round}.csv", cancellationToken).GetAwaiter().GetResult();

                var refresh = 0.0;
                var ours = Measure.Run(() =>
                {
                    var watch = Stopwatch.StartNew();
                    var partitioned = live.RefreshAsync(cancellationToken).GetAwaiter().GetResult();
                    refresh = watch.Elapsed.TotalSeconds;
                    return WholeEventLog.Of(partitioned, workspace.ReadActivityOrder(cancellationToken), cancellationToken);
                });
                var baseline = Measure.Run(() => workspace.LoadEventLog(cancellationToken));
                differences.AddRange(LogEquality.Differences(ours.Result, baseline.Result).Select(d => $"round {round + 1}: {d}"));
                ratios.Add(baseline.Seconds / ours.Seconds);
                table.Add((long)(round + 1), (long)baseline.Result.EventCount, Seconds(ours.Seconds), Seconds(refresh),
                    Seconds(baseline.Seconds), baseline.Seconds / ours.Seconds,
                    string.Create(CultureInfo.InvariantCulture, $"{ours.PeakMiB:0} / {baseline.PeakMiB:0}"));
            }

            var report = new Report().Add(table);
            ratios.Sort();
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Speed-up = whole read seconds / assembled seconds (median {ratios[ratios.Count / 2]:0.0}x). Assembled = the live log's " +
                $"refresh (the changed cases re-read) + the store's activity order (one aggregate) + the assembly; both sides after the same append of {size:N0} events."));
            report.Notes.Add(differences.Count == 0
                ? "Logs equal: cases in order, every event's activity, timestamp with offset, lifecycle, resource, channel, start time, and every event and case attribute."
                : "LOGS DIFFER: " + string.Join("; ", differences.Take(10)));
            report.Write(context.GetFormat(parse), context.Output);
            return differences.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);
}
