using System.CommandLine;
using System.Globalization;
using Journeyscope.Cli.Output;
using Journeyscope.Monitoring;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope rules dry-run</c>: how often each rule of a journey would have fired on the stored history.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rules", "Rules over live journey state (the journey YAML's rules:, docs/monitoring.md).\n" +
            "Example:\n  journeyscope rules dry-run --journey journeys/shop.yaml --workspace ./workspaces/shop");
        command.Subcommands.Add(DryRunCommand(context));
        return command;
    }

    private static Command DryRunCommand(CliContext context)
    {
        var source = new LogSource(context);
        var journey = new Option<string>("--journey") { Description = "The journey YAML whose rules to replay. Example: --journey journeys/shop.yaml", Required = true };
        var until = new Option<string?>("--until") { Description = "Evaluate deadlines up to this time (ISO 8601); default: the last event's time." };
        var firings = new Option<bool>("--firings") { Description = "Also list every firing (rule, customer, occurrence), ordered by time: one page (--offset, --limit)." };
        var offset = new Option<int>("--offset") { Description = "With --firings: firings skipped first (default 0).", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit")
        {
            Description = $"With --firings: the most firings listed (default 1000, at most {RuleDryRunPage.MaxLimit}).",
            DefaultValueFactory = _ => 1000,
        };
        var command = new Command("dry-run", "Replays the stored history through the journey's rules and time targets, all customers interleaved by time, " +
            "and shows how often each would have fired (and for how many customers), with examples. Nothing is sent.\n" +
            "Example:\n  journeyscope rules dry-run --journey journeys/shop.yaml --format json")
        {
            journey, until, firings, offset, limit,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            DateTimeOffset? end = null;
            if (parse.GetValue(until) is { } text)
            {
                end = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new UsageException($"--until '{text}' is not a time: write ISO 8601, for example 2026-03-01T00:00:00Z.");
            }

            RuleDryRunPage? page = null;
            if (parse.GetValue(firings))
            {
                var (skip, take) = (parse.GetValue(offset), parse.GetValue(limit));
                page = skip >= 0 && take is >= 1 and <= RuleDryRunPage.MaxLimit
                    ? new RuleDryRunPage(skip, take)
                    : throw new UsageException($"--offset must be 0 or more and --limit between 1 and {RuleDryRunPage.MaxLimit}.");
            }

            var design = JourneyFiles.ReadValid(parse.GetRequiredValue(journey));
            var (log, _) = source.LoadVersioned(parse, cancellationToken);
            var result = RuleDryRun.Run(log, design, end, page, cancellationToken);
            var table = new Table("Rules (dry run)", "Rule", "Kind", "Name", "Firings", "Customers", "First firing");
            foreach (var rule in result.Rules)
            {
                table.Add(rule.Rule, rule.Kind, rule.Name, rule.Firings, rule.Customers,
                    rule.Examples.Count > 0 ? $"{rule.Examples[0].Customer} at {rule.Examples[0].At:yyyy-MM-dd HH:mm}: {rule.Examples[0].Reason}" : string.Empty);
            }

            var report = new Report { Json = result }.Add(table);
            if (result.FiringList is { } list)
            {
                var rows = new Table($"Firings {list.Offset + 1:N0} to {list.Offset + list.Items.Count:N0} of {list.Total:N0}", "At", "Rule", "Customer", "Occurrence", "Reason");
                foreach (var f in list.Items)
                {
                    rows.Add(f.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), f.Rule, f.Customer, f.Occurrence, f.Reason);
                }

                report.Add(rows);
            }

            report.Notes.Add($"{result.Events:N0} events of {result.Customers:N0} customers replayed" +
                (result.Until is { } u ? $" up to {u.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC." : "."));
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
