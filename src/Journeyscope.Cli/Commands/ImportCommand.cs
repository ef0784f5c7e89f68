using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.IO;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope import FILE...</c>: reads event files into the workspace.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Event files: .xes, .xes.gz, .csv, .jsonl, .parquet, .jsonocel, .xmlocel, .sqlite",
            Arity = ArgumentArity.OneOrMore,
        };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad record instead of quarantining it." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and check the files, print what would be imported, change nothing." };
        var inputFormat = new Option<string?>("--input-format") { Description = "Force the file format: xes, csv, jsonl, parquet, ocel. Example: --input-format csv" };
        inputFormat.AcceptOnlyFromAmong(FormatNames.All);
        var mapping = new CsvMappingOptions();
        var objectType = new Option<string?>("--object-type") { Description = "OCEL: the object type to use as the case notion. Example: --object-type order" };
        var maxEvents = new Option<long?>("--max-events") { Description = "Stop a file with more records than this (budget; default: no limit). Example: --max-events 5000000" };
        var maxBytes = new Option<long?>("--max-bytes") { Description = "Stop a file with more content bytes than this, after decompression (budget; default: no limit). Example: --max-bytes 2000000000" };

        var command = new Command("import", "Import event files into the workspace (lenient by default: bad records are quarantined and counted).\n" +
            "Examples:\n  journeyscope import orders.csv --workspace ./shop --case order_id --activity status --timestamp changed_at\n" +
            "  journeyscope import receipt.xes.gz --strict")
        {
            files, strict, dryRun, inputFormat, objectType, maxEvents, maxBytes,
        };
        mapping.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var report = new Report();
            var table = new Table("Imports", "File", "Format", "Read", "Imported", "Quarantined", "Added", "Duplicates");
            var quarantine = new Table("Quarantine (first 20)", "File", "Line", "Field", "Reason");
            var warnings = new List<string>();
            var format = FormatNames.Parse(parse.GetValue(inputFormat));
            var ocel = new OcelImportOptions { CaseObjectType = parse.GetValue(objectType) };
            var isDryRun = parse.GetValue(dryRun);

            // Opened at the first file with events, so that an import that fails leaves no empty workspace folder.
            Workspace? workspace = null;
            var summaries = new List<object>();
            var allRejected = new List<string>();
            string? workspaceFolder = null;
            long workspaceVersion = 0;
            try
            {
                foreach (var file in parse.GetRequiredValue(files))
                {
                    var progress = new ProgressBar(context.Error, Path.GetFileName(file), context.Interactive);
                    var options = new ImportOptions
                    {
                        Mode = parse.GetValue(strict) ? ImportMode.Strict : ImportMode.Lenient,
                        Progress = progress,
                        MaxEvents = parse.GetValue(maxEvents) is > 0 and var events ? events : long.MaxValue,
                        MaxDecompressedBytes = parse.GetValue(maxBytes) is > 0 and var bytes ? bytes : long.MaxValue,
                    };
                    var result = EventLogFile.Import(file, new EventLogFileOptions { Format = format, Csv = mapping.Read(parse, file), Ocel = ocel }, options, cancellationToken);
                    progress.Done();
                    long added = 0, duplicates = 0;
                    if (result.RecordsRead > 0 && result.RecordsImported == 0)
                    {
                        allRejected.Add(Path.GetFileName(file));
                    }

                    if (!isDryRun && result.RecordsImported > 0)
                    {
                        workspace ??= Workspace.Open(parse.GetRequiredValue(context.Workspace));
                        var summary = workspace.AppendAsync(result, Path.GetFileName(file), cancellationToken).GetAwaiter().GetResult();
                        added = summary.EventsAdded;
                        duplicates = summary.DuplicatesSkipped;
                    }

                    table.Add(Path.GetFileName(file), result.Format, result.RecordsRead, result.RecordsImported,
                        (long)result.Quarantine.Count, added, duplicates);
                    foreach (var bad in result.Quarantine.Take(20 - quarantine.Rows.Count))
                    {
                        quarantine.Add(Path.GetFileName(file), bad.Line, bad.Field, bad.Reason);
                    }

                    warnings.AddRange(result.Warnings.Select(w => $"{Path.GetFileName(file)}: {w}"));
                    summaries.Add(new
                    {
                        file = Path.GetFileName(file),
                        format = result.Format,
                        read = result.RecordsRead,
                        imported = result.RecordsImported,
                        quarantined = result.Quarantine.Count,
                        added,
                        duplicates,
                        cases = result.Log.CaseCount,
                        activities = result.Log.ActivityCount,
                        warnings = result.Warnings,
                        quarantine = result.Quarantine.Take(100).Select(q => new { line = q.Line, byteOffset = q.ByteOffset, field = q.Field, reason = q.Reason }),
                    });
                }

                workspaceFolder = workspace?.Folder;
                workspaceVersion = workspace?.Version ?? 0;
            }
            finally
            {
                workspace?.Dispose();
            }

            report.Add(table);
            if (quarantine.Rows.Count > 0)
            {
                report.Add(quarantine);
            }

            if (warnings.Count > 0)
            {
                report.Notes.Add("Warnings:\n" + string.Join('\n', warnings.Select(w => "  " + w)));
            }

            if (isDryRun)
            {
                report.Notes.Add("Dry run: nothing was written.");
            }
            else if (workspaceFolder is not null)
            {
                report.Notes.Add($"Workspace: {workspaceFolder} (version {workspaceVersion})");
            }
            else
            {
                report.Notes.Add("Nothing was imported: the workspace was not created or changed.");
            }

            report.Json = new { dryRun = isDryRun, workspace = workspaceFolder, files = summaries };
            report.Write(context.GetFormat(parse), context.Output);
            if (allRejected.Count > 0)
            {
                // Every record quarantined is a failed import (a wrong mapping or format), never a success.
                context.Error.WriteLine($"error: every record of {string.Join(", ", allRejected)} was quarantined (see the reasons above); " +
                    "check the column mapping (--case, --activity, --timestamp) and --timestamp-format.");
                return Task.FromResult(ExitCodes.BadInput);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
