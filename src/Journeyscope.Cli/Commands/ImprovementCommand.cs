using System.CommandLine;
using System.Globalization;
using Journeyscope.Agenda;
using Journeyscope.Cli.Output;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.IO.Journeys;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope improvement add|list|report</c>: record improvements and check whether they worked (docs/value-tracking.md).</summary>
internal static class ImprovementCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("improvement",
            "Value tracking: record an improvement (what changed, from when, which segment first, the KPI it should move) and report whether it worked.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Report(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var title = new Option<string>("--title") { Description = "What the improvement is.", Required = true };
        var outcome = new Option<string[]>("--outcome")
        {
            Description = "The KPI it should move, as an outcome filter (the share of cases it keeps), e.g. \"follows Authorise payment -> Authorise payment\". Or use --kpi.",
            AllowMultipleArgumentsPerToken = false,
        };
        var kpi = new Option<string?>("--kpi") { Description = "The KPI it should move, by its id in the journey (--journey), instead of --outcome; its value per unit defaults to the journey's value: entry." };
        var journey = new Option<string?>("--journey") { Description = "The journey YAML --kpi belongs to (default: the only journey of the workspace's journeys/ folder)." };
        var from = new Option<string>("--from") { Description = "When it took effect (ISO date or date-time; a date is midnight UTC).", Required = true };
        var segment = new Option<string?>("--segment") { Description = "The segment that got it first, as attribute=value (the rest is the comparison group)." };
        var opportunity = new Option<string?>("--opportunity") { Description = "The opportunity, touchpoint or KPI it is linked to." };
        var change = new Option<string?>("--change") { Description = "What changed." };
        var valuePerUnit = new Option<double?>("--value-per-unit") { Description = "What one more case with the outcome is worth (negative for a cost), for the value realised." };
        var unit = new Option<string?>("--unit") { Description = "The unit of --value-per-unit (e.g. EUR)." };
        var command = new Command("add", "Record an improvement.\nExamples: journeyscope improvement add --title \"New payment SDK\" " +
            "--outcome \"follows Authorise payment -> Authorise payment\" --from 2025-04-01 --segment device=android-app --value-per-unit -4 --unit EUR\n" +
            "  journeyscope improvement add --title \"Monday shift\" --kpi order-cycle-time --journey journeys/retail.yaml --from 2025-04-01")
        {
            title, outcome, kpi, journey, from, segment, opportunity, change, valuePerUnit, unit,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var outcomes = parse.GetValue(outcome) ?? [];
            var kpiId = parse.GetValue(kpi);
            if ((outcomes.Length == 0) == (kpiId is null))
            {
                throw new UsageException("Name the KPI the improvement should move: either --outcome FILTER or --kpi ID (with --journey FILE).");
            }

            string? journeyId = null;
            if (kpiId is not null)
            {
                var designed = JourneyFiles.ReadValid(JourneyPath(context, parse, parse.GetValue(journey), null));
                if (!designed.Kpis.Any(k => string.Equals(k.Id, kpiId, StringComparison.Ordinal)))
                {
                    context.Error.WriteLine($"error: --kpi: journey '{designed.Id}' has no KPI '{kpiId}'.{NameSuggestions.Hint(kpiId, designed.Kpis.Select(k => k.Id))}");
                    return Task.FromResult(ExitCodes.BadInput);
                }

                journeyId = designed.Id;
            }

            try
            {
                _ = FilterParser.ParseAll(outcomes);
            }
            catch (FilterParseException e)
            {
                throw new UsageException("--outcome: " + e.Message);
            }

            var fromText = parse.GetRequiredValue(from);
            if (!DateTimeOffset.TryParse(fromText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fromTime))
            {
                throw new UsageException($"--from must be an ISO date or date-time, got '{fromText}'.");
            }

            string? attribute = null, value = null;
            if (parse.GetValue(segment) is { } text)
            {
                var at = text.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0 || at == text.Length - 1)
                {
                    throw new UsageException($"--segment must be attribute=value, got '{text}'.");
                }

                (attribute, value) = (text[..at].Trim(), text[(at + 1)..].Trim());
            }

            var folder = Folder(context, parse);
            var added = ImprovementStore.Add(folder, new Improvement("", parse.GetRequiredValue(title), parse.GetValue(opportunity), outcomes,
                parse.GetValue(change), fromTime, attribute, value, parse.GetValue(valuePerUnit), parse.GetValue(unit))
            { Kpi = kpiId, Journey = journeyId });
            var report = new Report().Add(Rows([added]));
            report.Json = added;
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "The improvements recorded in the workspace.");
        command.SetAction((parse, cancellationToken) =>
        {
            var list = ImprovementStore.List(Folder(context, parse));
            var report = new Report().Add(Rows(list));
            report.Json = list;
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Report(CliContext context)
    {
        var source = new LogSource(context);
        var id = new Argument<string>("id") { Description = "The improvement's id (see `journeyscope improvement list`)." };
        var journey = new Option<string?>("--journey") { Description = "For an improvement of a journey KPI: the journey YAML (default: journeys/<its journey>.yaml in the workspace)." };
        var command = new Command("report", "Did it work? Before/after of its KPI with a comparison group (difference-in-differences) or as a time series, " +
            "with a 95 % interval, a verdict and the value realised.\nExample: journeyscope improvement report imp-1")
        {
            id, journey,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var key = parse.GetRequiredValue(id);
            var list = ImprovementStore.List(Folder(context, parse));
            var improvement = list.FirstOrDefault(i => string.Equals(i.Id, key, StringComparison.Ordinal));
            if (improvement is null)
            {
                context.Error.WriteLine($"error: the workspace has no improvement '{key}'.{NameSuggestions.Hint(key, list.Select(i => i.Id))}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            ImprovementReport result;
            try
            {
                var designed = improvement.Kpi is null ? null : JourneyFiles.ReadValid(JourneyPath(context, parse, parse.GetValue(journey), improvement.Journey));
                result = ImprovementAnalysis.Report(log, version, improvement, designed, cancellationToken: cancellationToken);
            }
            catch (ArgumentException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var isRate = improvement.Kpi is null;
            object Rate(double rate) => result.Measure switch
            {
                ImprovementUnits.Share => Human.Share(rate),
                ImprovementUnits.Duration => Human.Duration(rate),
                _ => ImprovementUnits.Level(result.Measure, rate),
            };
            string Points(double d) => ImprovementUnits.Change(result.Measure, d);
            var table = new Table($"{improvement.Id}: {improvement.Title}", "Group", "Cases", isRate ? "Outcome rate" : $"KPI {improvement.Kpi} ({result.Measure})");
            table.Add(improvement.SegmentAttribute is null ? "Before" : "Changed segment, before", (long)result.Before.Cases, Rate(result.Before.Rate));
            table.Add(improvement.SegmentAttribute is null ? "After" : "Changed segment, after", (long)result.After.Cases, Rate(result.After.Rate));
            if (result.ComparisonBefore is { } cb && result.ComparisonAfter is { } ca)
            {
                table.Add("Comparison, before", (long)cb.Cases, Rate(cb.Rate));
                table.Add("Comparison, after", (long)ca.Cases, Rate(ca.Rate));
            }

            var report = new Report().Add(table);
            report.Notes.Add($"Verdict: {result.Verdict}.");
            if (result.Effect is { } effect)
            {
                report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Effect ({result.Method}): {Points(effect)}, 95 % interval {Points(result.Low ?? 0)} .. {Points(result.High ?? 0)} ({result.IntervalMethod})."));
            }

            if (result.ValueRealised is { } value)
            {
                report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Value realised so far: {ImprovementUnits.Money(value.Value, value.Unit)} (95 % interval {ImprovementUnits.Money(value.Low, value.Unit)} .. {ImprovementUnits.Money(value.High, value.Unit)})."));
            }

            report.Notes.AddRange(result.Notes);
            report.Json = result;
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Table Rows(IReadOnlyList<Improvement> list)
    {
        var table = new Table("Improvements", "Id", "Title", "From", "Segment", "Outcome", "Linked to");
        foreach (var i in list)
        {
            table.Add(i.Id, i.Title, i.From.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture),
                i.SegmentAttribute is null ? "everyone" : $"{i.SegmentAttribute} = {i.SegmentValue}",
                i.Kpi is { } k ? $"KPI {k} ({i.Journey})" : string.Join(" and ", i.Outcome), i.Opportunity ?? "");
        }

        return table;
    }

    /// <summary>
    /// The journey file: the one given; else journeys/<paramref name="journeyId"/>.yaml in the workspace; else the workspace's only journey.
    /// </summary>
    private static string JourneyPath(CliContext context, ParseResult parse, string? given, string? journeyId)
    {
        if (given is not null)
        {
            return given;
        }

        var folder = Path.Combine(parse.GetRequiredValue(context.Workspace), JourneyFiles.FolderName);
        if (journeyId is not null)
        {
            return Path.Combine(folder, journeyId + ".yaml");
        }

        IReadOnlyList<string> files = Directory.Exists(folder) ? JourneyRepository.Files(folder) : [];
        return files.Count == 1
            ? files[0]
            : throw new UsageException($"--kpi needs --journey FILE: the workspace has {files.Count} journey files in {folder}.");
    }

    /// <summary>The workspace's folder (it must exist: improvements belong to a workspace with events).</summary>
    private static string Folder(CliContext context, ParseResult parse)
    {
        using var workspace = Workspace.Open(parse.GetRequiredValue(context.Workspace), create: false);
        return workspace.Folder;
    }
}
