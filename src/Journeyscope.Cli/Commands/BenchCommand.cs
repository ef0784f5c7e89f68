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

/// <summary><c>journeyscope bench ...</c>: side-by-side benchmarks that report ratios against a baseline run in the same process.</summary>
internal static class BenchCommand
{
    /// <summary>PM4Py 2.7.14's own parse time for bpic2012.xes.gz on this machine type, measured alone (issue #2).</summary>
    private const double Pm4PyBpic2012ParseSeconds = 8.4;

    public static Command Create(CliContext context)
    {
        var command = new Command("bench", "Side-by-side benchmarks: our engine versus a baseline on the same data, in one run, as ratios.");
        command.Subcommands.Add(CreateImport(context));
        command.Subcommands.Add(CreateDiscovery(context));
        command.Subcommands.Add(BenchFunnelCommand.Create(context));
        command.Subcommands.Add(BenchConformanceCommand.Create(context));
        return command;
    }

    private static Command CreateImport(CliContext context)
    {
        var xes = new Option<string?>("--xes") { Description = "The XES log to time (default: ../shared/data/logs/bpic2012.xes.gz when present)." };
        var events = new Option<long>("--events")
        {
            Description = "Events in the generated CSV log. Example: --events 10000000",
            DefaultValueFactory = _ => 10_000_000,
        };
        var command = new Command("import",
            "XES import of a real log versus an XML DOM parse and PM4Py's recorded time; CSV import of a generated log into memory and " +
            "into a workspace versus DuckDB's read_csv.\nExample: journeyscope bench import --events 10000000")
        {
            xes, events,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var table = new Table("Import benchmark", "Step", "Ours (s)", "Baseline", "Baseline (s)", "Speed-up", "Peak MiB", "Events");
            var xesPath = parse.GetValue(xes) ?? FindSharedLog("bpic2012.xes.gz");
            if (xesPath is not null && File.Exists(xesPath))
            {
                var ours = Measure.Best(3, () => XesImporter.Import(xesPath, cancellationToken: cancellationToken));
                var dom = Measure.Run(() =>
                {
                    using var stream = new GZipStream(File.OpenRead(xesPath), CompressionMode.Decompress);
                    return XDocument.Load(stream).Root!.Elements().Count();
                });
                table.Add($"XES {Path.GetFileName(xesPath)}", ours.Seconds, "XDocument (DOM) parse", dom.Seconds,
                    dom.Seconds / ours.Seconds, ours.PeakMiB, (long)ours.Result.Log.EventCount);
                table.Add($"XES {Path.GetFileName(xesPath)}", ours.Seconds, "PM4Py 2.7.14 (recorded)", Pm4PyBpic2012ParseSeconds,
                    Pm4PyBpic2012ParseSeconds / ours.Seconds, ours.PeakMiB, (long)ours.Result.Log.EventCount);
            }
            else
            {
                context.Error.WriteLine("note: no XES log found for the XES step (use --xes PATH).");
            }

            var folder = Directory.CreateTempSubdirectory("journeyscope-bench-");
            try
            {
                var csv = Path.Combine(folder.FullName, "events.csv");
                var (_, written) = SyntheticLog.WriteCsv(csv, parse.GetValue(events));
                var memory = Measure.Run(() => CsvImporter.Import(csv, cancellationToken: cancellationToken));
                var duckdb = Measure.Run(() => DuckDbReadCsv(csv));
                table.Add("CSV -> EventLog", memory.Seconds, "DuckDB read_csv into a table", duckdb.Seconds,
                    duckdb.Seconds / memory.Seconds, memory.PeakMiB, written);
                var log = memory.Result;
                var store = Measure.Run(() =>
                {
                    using var workspace = Workspace.Open(Path.Combine(folder.FullName, "ws"));
                    var result = CsvImporter.Import(csv, cancellationToken: cancellationToken);
                    return workspace.AppendAsync(result, "events.csv", cancellationToken).GetAwaiter().GetResult().EventsAdded;
                });
                table.Add("CSV -> workspace", store.Seconds, "DuckDB read_csv into a table", duckdb.Seconds,
                    duckdb.Seconds / store.Seconds, store.PeakMiB, store.Result);
                GC.KeepAlive(log);
            }
            finally
            {
                folder.Delete(recursive: true);
            }

            var report = new Report().Add(table);
            report.Notes.Add("Speed-up = baseline seconds / our seconds (higher is better). Times are best of 3 for XES, one run otherwise.");
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command CreateDiscovery(CliContext context)
    {
        var events = GeneratedLog.EventsOption();
        var command = new Command("discovery",
            "DFG + performance DFG + variants + case durations with our engine versus the same results in DuckDB SQL (window functions) " +
            "over the same generated events, in one run.\nExample: journeyscope bench discovery --events 10000000")
        {
            events,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var code = GeneratedLog.Run(parse.GetValue(events), cancellationToken, generated =>
            {
                var (csv, log, cases, written) = generated;
                var ours = Measure.Best(3, () => Discovery.DiscoveryResult.Discover(log, cancellationToken: cancellationToken));
                using var duckdb = new DuckDbBaseline(csv);
                var sql = Measure.Run(() => duckdb.DirectlyFollows() + duckdb.PerformanceDirectlyFollows() + duckdb.Variants() + duckdb.CaseDurations());
                var table = new Table("Discovery benchmark", "Engine", "Seconds", "Peak MiB", "Speed-up", "Events", "Cases", "Edges", "Variants");
                var result = ours.Result;
                table.Add("Journeyscope (DFG + perf DFG + variants + durations)", ours.Seconds, ours.PeakMiB, sql.Seconds / ours.Seconds,
                    written, cases, (long)result.DirectlyFollowsGraph.Edges.Count, (long)result.Variants.Variants.Count);
                table.Add("DuckDB SQL (window functions, same results)", sql.Seconds, sql.PeakMiB, 1.0, written, cases, null, null);
                var report = new Report().Add(table);
                report.Notes.Add("Speed-up = DuckDB seconds / our seconds. Ours: best of 3 on the loaded EventLog; DuckDB: one run on a table loaded beforehand.");
                report.Notes.Add("PM4Py 2.7.14 recorded on 10M events on this machine type: DFG 46 s, performance DFG 42 s, variants 4.9 s (92.9 s together).");
                report.Write(context.GetFormat(parse), context.Output);
                return ExitCodes.Success;
            });
            return Task.FromResult(code);
        });
        return command;
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

    private static string? FindSharedLog(string name)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "logs", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "..", "shared", "data", "logs", name);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
