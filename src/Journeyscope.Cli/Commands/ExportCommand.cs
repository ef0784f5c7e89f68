using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.IO;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope export OUT</c>: writes the workspace's events to a file.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Argument<string>("output")
        {
            Description = "The file to write; its name picks the format: .xes, .xes.gz, .csv, .jsonl, .parquet, .jsonocel",
        };
        var format = new Option<string?>("--output-format") { Description = "Force the format: xes, csv, jsonl, parquet, ocel." };
        format.AcceptOnlyFromAmong(FormatNames.All);
        var command = new Command("export", "Export the workspace's events.\nExample: journeyscope export events.parquet --workspace ./shop")
        {
            output, format,
        };
        command.SetAction(parse =>
        {
            using var workspace = Workspace.Open(parse.GetRequiredValue(context.Workspace), create: false);
            var path = parse.GetRequiredValue(output);
            var chosen = FormatNames.Parse(parse.GetValue(format)) ?? EventLogFile.FromName(path)
                    ?? throw new UsageException($"Cannot tell the format from '{Path.GetFileName(path)}': use .xes, .xes.gz, .csv, .jsonl, .parquet or .jsonocel, or --output-format.");
            var log = workspace.LoadEventLog();
            if (chosen == EventLogFormat.Ocel && workspace.LoadObjects() is { } objects)
            {
                OcelJsonExporter.Export(objects, path);
            }
            else
            {
                EventLogFile.Export(log, path, chosen);
            }

            var report = new Report();
            report.Add(new Table(null, "File", "Format", "Cases", "Events").Add(path, chosen.ToString().ToLowerInvariant(), log.CaseCount, log.EventCount));
            report.Write(context.GetFormat(parse), context.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
