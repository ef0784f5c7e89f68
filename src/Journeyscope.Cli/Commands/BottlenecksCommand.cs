using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Performance;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope bottlenecks</c>: hand-overs ranked by the total customer waiting time they cost.</summary>
internal static class BottlenecksCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var calendar = new CalendarOptions();
        var top = new Option<int>("--top") { Description = "Show the N worst hand-overs (default 10).", DefaultValueFactory = _ => BottlenecksResult.DefaultTop };
        var command = new Command("bottlenecks",
            "Bottlenecks: hand-overs between activities ranked by total waiting time (customers affected x mean wait), with share of all waiting.\n" +
            "Example: journeyscope bottlenecks --top 5 --filter \"case.channel == Internet\"")
        {
            top,
        };
        source.AddTo(command);
        calendar.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var n = parse.GetValue(top);
            if (n <= 0)
            {
                throw new UsageException($"--top must be positive, got {n}.");
            }

            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            var stream = ValueStream.Analyze(log, new ValueStreamOptions { Calendar = calendar.Read(parse) }, cancellationToken);
            var shown = stream.Bottlenecks.Take(n).ToList();
            var table = new Table("Bottlenecks", "Rank", "From", "To", "Count", "Total waiting (h)", "Mean waiting (h)", "Median waiting (h)", "Share of waiting");
            foreach (var b in shown)
            {
                table.Add((long)b.Rank, b.Edge.From, b.Edge.To, (long)b.Edge.Count, b.Edge.TotalWaitingTime.TotalHours,
                    b.Edge.MeanWaitingTime.TotalHours, b.Edge.MedianWaitingTime.TotalHours, b.Share);
            }

            var report = new Report().Add(table);
            report.Json = BottlenecksResult.From(log, version, stream, n);
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
