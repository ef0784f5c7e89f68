using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Discovery;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope variants</c>: distinct activity sequences with counts, shares and durations.</summary>
internal static class VariantsCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var top = new Option<int>("--top")
        {
            Description = $"Show the N most frequent variants (default {VariantsResult.DefaultTop}, as the API).",
            DefaultValueFactory = _ => VariantsResult.DefaultTop,
        };
        var all = new Option<bool>("--all") { Description = "Show every variant." };
        var command = new Command("variants",
            "Variants: each distinct activity sequence with case count, share, cumulative coverage and mean/median duration.\n" +
            "Example: journeyscope variants --top 10 --format csv")
        {
            top, all,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var n = parse.GetValue(top);
            if (n <= 0)
            {
                throw new UsageException($"--top must be positive, got {n}.");
            }

            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            var set = VariantSet.Discover(log, cancellationToken: cancellationToken);
            var result = VariantsResult.From(set, log.TimeBasis, version, parse.GetValue(all) ? null : n);
            var shown = set.Variants.Take(result.Variants.Count).ToList();
            var table = new Table("Variants", "Rank", "Cases", "Share", "Coverage", "Mean duration (s)", "Median duration (s)", "Events", "Activities");
            foreach (var v in shown)
            {
                table.Add(v.Rank, v.CaseCount, Human.Share(v.Share), Human.Share(v.CumulativeCoverage), Human.Duration(v.MeanDuration), Human.Duration(v.MedianDuration), v.Activities.Count, string.Join(" > ", v.Activities));
            }

            var report = new Report().Add(table);
            report.Notes.Add($"{set.Variants.Count:N0} variants over {set.CaseCount:N0} cases; showing {shown.Count:N0}.");
            report.Json = result;
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
