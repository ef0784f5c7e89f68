using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.IO.Journeys;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope journey validate [FILE...]</c>: every problem of every journey file at once; exit 1 on errors.</summary>
internal static class JourneyValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = JourneyFiles.FilesArgument("Journey files (default: every *.yaml in the workspace's journeys/ folder).");
        var command = new Command("validate",
            "Check journey files and report every problem as file:line:column: error|warning JSnnn: message, with a hint.\n" +
            "With a workspace log, also warns about touchpoints whose rule matches no event (JS011). Exit 1 when there is an error.\n" +
            "Example: journeyscope journey validate journeys/retail.yaml")
        {
            files,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var workspace = parse.GetRequiredValue(context.Workspace);
            var paths = JourneyFiles.Resolve(parse.GetValue(files), workspace);
            var log = JourneyFiles.TryLoadLog(workspace, cancellationToken);
            var results = new List<(string File, IReadOnlyList<JourneyDiagnostic> Diagnostics)>();
            foreach (var path in paths)
            {
                results.Add((path, JourneyValidator.Validate(JourneyFiles.Read(path), log)));
            }

            var all = results.SelectMany(r => r.Diagnostics).ToList();
            var errors = all.Count(d => d.IsError);
            var warnings = all.Count - errors;
            var format = context.GetFormat(parse);
            if (format == OutputFormat.Table)
            {
                foreach (var diagnostic in all)
                {
                    context.Output.WriteLine(diagnostic.ToString());
                }

                context.Output.WriteLine(
                    $"{paths.Count} journey file{(paths.Count == 1 ? string.Empty : "s")}: {errors} error{(errors == 1 ? string.Empty : "s")}, " +
                    $"{warnings} warning{(warnings == 1 ? string.Empty : "s")}" +
                    (log is null ? " (no workspace log: rule matches not checked)." : $" (checked against the workspace log, {log.EventCount:N0} events)."));
            }
            else
            {
                var table = new Table("Diagnostics", "File", "Line", "Column", "Severity", "Code", "Message", "Hint");
                foreach (var d in all)
                {
                    table.Add(d.Location.File, d.Location.Line, d.Location.Column, d.IsError ? "error" : "warning", d.Code, d.Message, d.Hint);
                }

                var report = new Report().Add(table);
                report.Json = new
                {
                    files = results.Select(r => new
                    {
                        file = r.File,
                        errors = r.Diagnostics.Count(d => d.IsError),
                        warnings = r.Diagnostics.Count(d => !d.IsError),
                    }),
                    log_checked = log is not null,
                    errors,
                    warnings,
                    diagnostics = all.Select(d => new
                    {
                        file = d.Location.File,
                        line = d.Location.Line,
                        column = d.Location.Column,
                        severity = d.IsError ? "error" : "warning",
                        code = d.Code,
                        message = d.Message,
                        hint = d.Hint,
                    }),
                };
                report.Write(format, context.Output);
            }

            return Task.FromResult(errors > 0 ? ExitCodes.BadInput : ExitCodes.Success);
        });
        return command;
    }
}
