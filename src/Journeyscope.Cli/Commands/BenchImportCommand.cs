using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using DuckDB.NET.Data;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.IO;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench import</c>: XES import of real logs versus an XML DOM parse and, for the logs PM4Py was timed on,
/// PM4Py's recorded <c>read_xes</c> seconds (reference/&lt;log&gt;/timings.json); CSV import of a generated log versus
/// DuckDB's read_csv. Both sides of every row are timed the same way: best of <c>--runs</c>.
/// </summary>
internal static class BenchImportCommand
{
    private static readonly string[] DefaultLogs = ["bpic2012.xes.gz", "helpdesk.xes.gz"];

    public static Command Create(CliContext context)
    {
        var xes = new Option<string[]>("--xes")
        {
            Description = "An XES log to time (repeat for more). Default: bpic2012.xes.gz and helpdesk.xes.gz from ../shared/data/logs. " +
                "PM4Py's ratio is printed only for a log with a reference timings.json (receipt, helpdesk, SEPSIS, bpic2013_closed_problems).",
        };
        var data = new Option<string?>("--data") { Description = "The shared data folder with reference/ (default: found from the current folder)." };
        var events = new Option<long>("--events")
        {
            Description = "Events in the generated CSV log; 0 skips the CSV steps. Example: --events 10000000",
            DefaultValueFactory = _ => 10_000_000,
        };
        var runs = BenchOptions.Runs();
        var command = new Command("import",
            "XES import of real logs versus an XML DOM parse and PM4Py's recorded read_xes seconds for that log; CSV import of a generated " +
            "log into memory and into a workspace versus DuckDB's read_csv.\nExample: journeyscope bench import --xes receipt.xes.gz --events 1000000")
        {
            xes, data, events, runs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var n = BenchOptions.Runs(parse, runs);
            var table = new Table("Import benchmark", "Step", "Ours (s)", "Baseline", "Baseline (s)", "Speed-up", "Peak MiB", "Events");
            var report = new Report().Add(table);
            var folder = parse.GetValue(data);
            var logs = parse.GetValue(xes) is { Length: > 0 } given
                ? given
                : DefaultLogs.Select(SharedDataFolder.FindLog).OfType<string>().ToArray();
            if (logs.Length == 0)
            {
                context.Error.WriteLine("note: no XES log found for the XES step (use --xes PATH).");
            }

            foreach (var path in logs)
            {
                if (!File.Exists(path))
                {
                    throw new UsageException($"{path}: no such file.");
                }

                TimeXes(table, report, path, SharedDataFolder.ReferenceFor(path, folder), n, cancellationToken);
            }

            if (parse.GetValue(events) > 0)
            {
                TimeCsv(table, parse.GetValue(events), n, cancellationToken);
            }

            report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Speed-up = baseline seconds / our seconds (higher is better). Both sides: best of {n} runs in this process."));
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void TimeXes(Table table, Report report, string path, string? reference, int runs, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var ours = Measure.Best(runs, () => XesImporter.Import(path, cancellationToken: cancellationToken));
        var dom = Measure.Best(runs, () =>
        {
            using var stream = OpenXes(path);
            return XDocument.Load(stream).Root!.Elements().Count();
        });
        var step = $"XES {name}";
        var eventCount = (long)ours.Result.Log.EventCount;
        table.Add(step, Human.Duration(ours.Seconds), "XDocument (DOM) parse", Human.Duration(dom.Seconds), dom.Seconds / ours.Seconds, ours.PeakMiB, eventCount);
        var pm4py = Pm4PyTimings.ForLog(reference, name)?.Get(Pm4PyTimings.ReadXes);
        if (pm4py is { } seconds)
        {
            table.Add(step, Human.Duration(ours.Seconds), "PM4Py 2.7.14 read_xes (recorded)", Human.Duration(seconds), seconds / ours.Seconds, ours.PeakMiB, eventCount);
        }
        else if (reference is null)
        {
            report.Notes.Add($"{name}: no reference folder found (use --data DIR), so no PM4Py ratio.");
        }
        else
        {
            report.Notes.Add($"{name}: no PM4Py timing recorded for this file (reference/*/timings.json), so no PM4Py ratio.");
        }
    }

    private static Stream OpenXes(string path)
    {
        var file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static void TimeCsv(Table table, long events, int runs, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("journeyscope-bench-");
        try
        {
            var csv = Path.Combine(folder.FullName, "events.csv");
            var (_, written) = SyntheticLog.WriteCsv(csv, events);
            var memory = Measure.Best(runs, () => CsvImporter.Import(csv, cancellationToken: cancellationToken).Log.EventCount);
            var duckdb = Measure.Best(runs, () => DuckDbReadCsv(csv));
            table.Add("CSV -> EventLog", Human.Duration(memory.Seconds), "DuckDB read_csv into a table", Human.Duration(duckdb.Seconds),
                duckdb.Seconds / memory.Seconds, memory.PeakMiB, written);
            var run = 0;
            var store = Measure.Best(runs, () =>
            {
                using var workspace = Workspace.Open(Path.Combine(folder.FullName, string.Create(CultureInfo.InvariantCulture, $"ws{run++}")));
                var result = CsvImporter.Import(csv, cancellationToken: cancellationToken);
                return workspace.AppendAsync(result, "events.csv", cancellationToken).GetAwaiter().GetResult().EventsAdded;
            });
            table.Add("CSV -> workspace", Human.Duration(store.Seconds), "DuckDB read_csv into a table", Human.Duration(duckdb.Seconds),
                duckdb.Seconds / store.Seconds, store.PeakMiB, store.Result);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static long DuckDbReadCsv(string csv)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"CREATE TABLE events AS SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true); SELECT count(*) FROM events;");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
