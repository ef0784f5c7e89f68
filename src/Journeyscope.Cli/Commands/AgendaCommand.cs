using System.CommandLine;
using Journeyscope.Agenda;
using Journeyscope.Cli.Output;
using Journeyscope.Kpis;
using Journeyscope.Statistics;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope agenda</c>: the quantified, prioritised improvement agenda of a journey (docs/agenda.md).</summary>
internal static class AgendaCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var journey = new Option<string>("--journey") { Description = "The journey YAML: KPIs, time targets, value: and solutions:. Example: --journey journeys/retail.yaml", Required = true };
        var period = new Option<string>("--period") { Description = "The period the value is per: day, week, month (default), quarter, year.", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong("day", "week", "month", "quarter", "year");
        var by = new Option<string[]>("--by") { Description = "Case attributes to adjust for and to find segments in (comma-separated or repeated). Example: --by device,customer_type", AllowMultipleArgumentsPerToken = true };
        var top = new Option<int>("--top") { Description = "Show the N highest-priority opportunities (default 10).", DefaultValueFactory = _ => AgendaOptions.Default.Top };
        var minSupport = new Option<int>("--min-support") { Description = "Leave out gaps with fewer cases (default 30).", DefaultValueFactory = _ => AgendaOptions.Default.MinimumSupport };
        var seed = new Option<int>("--seed") { Description = "The bootstrap's seed: the same seed gives the same intervals (default 7).", DefaultValueFactory = _ => BootstrapOptions.Default.Seed };
        var command = new Command("agenda",
            "Improvement agenda: deviations, breached time targets, bottlenecks, funnel drop-offs, channel switches, detractor moments and\n" +
            "KPIs off target in a --by segment, ranked by value per period (lower bound) per unit of effort,\n" +
            "each with customers affected and its effect on the journey's KPIs (95 % interval, associational and adjusted for --by).\n" +
            "--format json writes the API's record (AgendaResult); md a Markdown table; tracker the CSV issue trackers import.\n" +
            "Example: journeyscope agenda --journey journeys/retail.yaml --by device,customer_type,product_line --top 5")
        {
            journey, period, by, top, minSupport, seed,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var n = parse.GetValue(top);
            if (n <= 0)
            {
                throw new UsageException($"--top must be positive, got {n}.");
            }

            var designed = JourneyFiles.ReadValid(parse.GetValue(journey)!);
            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            if (AgendaAnalysis.CustomerProblem(log, designed) is { } problem)
            {
                context.Error.WriteLine($"error: {problem}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var attributes = (parse.GetValue(by) ?? []).SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            foreach (var attribute in attributes)
            {
                if (log.FindCaseAttribute(attribute) is null)
                {
                    context.Error.WriteLine($"error: --by: the workspace has no case attribute '{attribute}'.{EventLogs.NameSuggestions.Hint(attribute, log.CaseAttributes.Select(c => c.Name).ToList())}");
                    return Task.FromResult(ExitCodes.BadInput);
                }
            }

            var options = new AgendaOptions
            {
                Period = Enum.Parse<KpiPeriod>(parse.GetValue(period)!, ignoreCase: true),
                AdjustFor = attributes,
                Top = n,
                MinimumSupport = parse.GetValue(minSupport),
                Bootstrap = new BootstrapOptions { Seed = parse.GetValue(seed) },
            };
            AgendaResult agenda;
            try
            {
                agenda = AgendaAnalysis.Compute(log, designed, version, options, cancellationToken);
            }
            catch (KpiException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            switch (parse.GetValue(context.Format))
            {
                case "md":
                    context.Output.Write(AgendaExport.Markdown(agenda));
                    return Task.FromResult(ExitCodes.Success);
                case "tracker":
                    context.Output.Write(AgendaExport.Tracker(agenda));
                    return Task.FromResult(ExitCodes.Success);
                case "csv":
                    context.Output.Write(AgendaExport.Csv(agenda));
                    return Task.FromResult(ExitCodes.Success);
            }

            // With a customer: attribute a customer may have several cases (orders): both counts are shown.
            var byCustomer = agenda.CustomerAttribute is not null;
            var table = new Table($"Improvement agenda of {agenda.Journey} (value per {agenda.Period}, {agenda.ValueUnit})",
                byCustomer
                    ? ["Rank", "Opportunity", "Touchpoint", "Segment", "Customers", "Cases", "Share", "Effect (95 % interval)", "Value per period", "Effort", "Score"]
                    : ["Rank", "Opportunity", "Touchpoint", "Segment", "Customers", "Share", "Effect (95 % interval)", "Value per period", "Effort", "Score"]);
            foreach (var o in agenda.Opportunities)
            {
                var cells = new List<object?> { (long)o.Rank, o.Title, o.Touchpoint ?? string.Empty, o.Segment is null ? string.Empty : $"{o.Segment.Attribute}={o.Segment.Value}", (long)o.CustomersAffected };
                if (byCustomer)
                {
                    cells.Add((long)o.CasesAffected);
                }

                cells.AddRange([Human.Share(o.Share), AgendaExport.Effect(AgendaExport.Lead(o)),
                    $"{o.ValuePerPeriod.Value:0.##} [{o.ValuePerPeriod.Low:0.##}, {o.ValuePerPeriod.High:0.##}]", o.Effort, o.Score]);
                table.Add([.. cells]);
            }

            var report = new Report().Add(table);
            report.Notes.Add($"Ranking: {agenda.Formula}");
            report.Notes.Add($"{AgendaExport.Affected(agenda)}; {agenda.Tests} differences tested (Benjamini-Hochberg, FDR 5 %).");
            report.Notes.AddRange(agenda.Notes);
            report.Json = agenda;
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
