using System.CommandLine;
using System.Globalization;
using Journeyscope.Agenda;
using Journeyscope.Canvas;
using Journeyscope.Cli.Output;
using Journeyscope.EventLogs;
using Journeyscope.Kpis;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope journey canvas --journey FILE</c>: the lifecycle canvas per stage with the agenda's measured
/// opportunities beside the workshop's notes, and the capability heat map (docs/canvas.md).
/// </summary>
internal static class JourneyCanvasCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var journey = new Option<string>("--journey") { Description = "The journey YAML with 'canvas:' on its stages and 'capabilities:' on its touchpoints.", Required = true };
        var top = new Option<int>("--top") { Description = $"Place the N highest-priority opportunities of the agenda (default {JourneyCanvas.DefaultTop}).", DefaultValueFactory = _ => JourneyCanvas.DefaultTop };
        var minSupport = new Option<int>("--min-support") { Description = "Leave out gaps with fewer cases (default 30), as in agenda.", DefaultValueFactory = _ => AgendaOptions.Default.MinimumSupport };
        var command = new Command("canvas",
            "The lifecycle canvas: per stage the customer actions, frontstage, backstage, value proposition and opportunities, the measured ones\n" +
            "of the agenda beside the workshop's notes; then the capability heat map (touchpoints x people, process, technology, data by readiness).\n" +
            "Without events in the workspace, the notes only. --format json writes the API's record (CanvasResult); md a Markdown page.\n" +
            "Example: journeyscope journey canvas --journey journeys/retail.yaml --format md")
        {
            journey, top, minSupport,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var n = parse.GetValue(top);
            var support = parse.GetValue(minSupport);
            if (n <= 0 || support <= 0)
            {
                throw new UsageException($"--top and --min-support must be positive, got {n} and {support}.");
            }

            var designed = JourneyFiles.ReadValid(parse.GetValue(journey)!);
            EventLog? log = null;
            long version = 0;
            try
            {
                (log, version) = source.LoadVersioned(parse, cancellationToken);
            }
            catch (WorkspaceException)
            {
                // No workspace: the canvas of the notes alone is still worth showing.
            }

            CanvasResult canvas;
            try
            {
                canvas = JourneyCanvas.Compute(log, designed, version, n, support, cancellationToken);
            }
            catch (KpiException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (parse.GetValue(context.Format) == "md")
            {
                context.Output.Write(CanvasExport.Markdown(canvas));
                return Task.FromResult(ExitCodes.Success);
            }

            var stages = new Table($"Lifecycle canvas of {canvas.Journey}", "Stage", "Value proposition", "Customer actions", "Frontstage", "Backstage",
                "Opportunities (workshop)", "Opportunities (measured)");
            foreach (var s in canvas.Stages)
            {
                stages.Add(s.Name, s.ValueProposition ?? string.Empty, string.Join("; ", s.CustomerActions), string.Join("; ", s.Frontstage),
                    string.Join("; ", s.Backstage), string.Join("; ", s.Notes),
                    string.Join("; ", s.Measured.Select(o => string.Create(CultureInfo.InvariantCulture, $"#{o.Rank} {o.Title} ({o.CustomersAffected} customers)"))));
            }

            var heat = new Table("Capability heat map (readiness 1 missing .. 5 optimised; the weakest of each kind)",
                ["Touchpoint", "Stage", "Lane", .. canvas.Capabilities.Kinds, "Opportunities"]);
            foreach (var row in canvas.Capabilities.Rows)
            {
                heat.Add([row.Touchpoint, row.Stage, row.Lane, .. row.Cells.Select(c => c.Readiness is { } r ? $"{r} {c.Level}" : "-"), (long)row.Opportunities]);
            }

            var report = new Report().Add(stages).Add(heat);
            report.Notes.AddRange(canvas.Notes);
            report.Json = canvas;
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
