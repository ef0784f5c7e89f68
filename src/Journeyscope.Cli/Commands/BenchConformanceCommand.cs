using System.CommandLine;
using System.Text.Json;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope bench conformance</c>: our alignments and token replay versus PM4Py's recorded seconds on the reference logs.</summary>
internal static class BenchConformanceCommand
{
    private static readonly string[] ReferenceLogs = ["receipt", "helpdesk", "SEPSIS", "bpic2013_closed_problems"];

    public static Command Create(CliContext context)
    {
        var data = new Option<string?>("--data") { Description = "The shared data folder with logs/ and reference/ (default: found from the current folder)." };
        var log = new Option<string?>("--log") { Description = "Benchmark one log instead of the reference logs (needs --model). Example: --log bpic2012.xes.gz" };
        var model = new Option<string?>("--model") { Description = "The PNML model for --log. Example: --model bpic2012.pnml" };
        var pm4py = new Option<double?>("--pm4py-seconds") { Description = "PM4Py's recorded alignment seconds for --log, to report a ratio." };
        var command = new Command("conformance",
            "Alignments and token replay of each reference log against its PM4Py model, our engine versus PM4Py 2.7.14's recorded " +
            "seconds (timings.json), as ratios, in the wall-clock time basis.\nExample: journeyscope bench conformance")
        {
            data, log, model, pm4py,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var table = new Table("Conformance benchmark", "Log", "Step", "Ours (s)", "PM4Py (s)", "Speed-up", "Variants", "Log fitness");
            var options = new AlignmentOptions { TimeBasis = TimeBasis.WallClock };
            if (parse.GetValue(log) is { } logPath)
            {
                var modelPath = parse.GetValue(model) ?? throw new UsageException("--log needs --model FILE.pnml.");
                Run(table, Path.GetFileName(logPath), XesImporter.Import(logPath, cancellationToken: cancellationToken).Log,
                    PnmlReader.Read(modelPath), options, parse.GetValue(pm4py), null, cancellationToken);
            }
            else
            {
                var folder = parse.GetValue(data) ?? SharedDataFolder.Find()
                    ?? throw new UsageException("No shared data folder found; use --data DIR or --log FILE --model FILE.pnml.");
                foreach (var name in ReferenceLogs)
                {
                    var reference = Path.Combine(folder, "reference", name);
                    var logFile = Path.Combine(folder, "logs", name + ".xes.gz");
                    if (!File.Exists(logFile) || !Directory.Exists(reference))
                    {
                        context.Error.WriteLine($"note: skipping {name}: {logFile} or {reference} is missing.");
                        continue;
                    }

                    using var timings = JsonDocument.Parse(File.ReadAllText(Path.Combine(reference, "timings.json")));
                    var seconds = timings.RootElement.GetProperty("seconds");
                    Run(table, name, XesImporter.Import(logFile, cancellationToken: cancellationToken).Log,
                        PnmlReader.Read(Path.Combine(reference, "model_inductive_0.2.pnml")), options,
                        seconds.GetProperty("fitness_alignments").GetDouble(),
                        seconds.GetProperty("fitness_token_based_replay").GetDouble(), cancellationToken);
                }

                RunBpic2012(context, table, folder, options, cancellationToken);
            }

            var report = new Report().Add(table);
            report.Notes.Add("Speed-up = PM4Py seconds (recorded alone on a 2-core machine, timings.json) / our seconds, best of 3 runs.");
            if (table.Rows.Any(row => Equals(row[0], Bpic2012Row)))
            {
                report.Notes.Add($"{Bpic2012Row}: our Inductive Miner (noise 0.2, the tree PM4Py discovers) converted to a Petri net; " +
                    "PM4Py's alignments of bpic2012 did not finish in 4,000 s (> 4000 s), its token replay was not recorded.");
            }

            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private const string Bpic2012Row = "bpic2012 (IMf 0.2)";

    /// <summary>bpic2012 has no reference folder (PM4Py's alignments ran over 4,000 s): aligned against our own IMf model.</summary>
    private static void RunBpic2012(CliContext context, Table table, string folder, AlignmentOptions options, CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(folder, "logs", "bpic2012.xes.gz");
        if (!File.Exists(logFile))
        {
            context.Error.WriteLine($"note: skipping bpic2012: {logFile} is missing.");
            return;
        }

        var log = XesImporter.Import(logFile, cancellationToken: cancellationToken).Log.ToTimeBasis(TimeBasis.WallClock);
        var net = ProcessTreeConversion.ToPetriNet(InductiveMiner.Discover(log, 0.2, cancellationToken));
        Run(table, Bpic2012Row, log, net, options, null, null, cancellationToken);
    }

    private static void Run(Table table, string name, EventLog log, PetriNet net, AlignmentOptions options, double? pm4pyAlignments,
        double? pm4pyReplay, CancellationToken cancellationToken)
    {
        var alignments = Measure.Best(3, () => Alignments.Compute(log, net, options, cancellationToken));
        table.Add(name, "alignments", Human.Duration(alignments.Seconds), Human.Duration(pm4pyAlignments), pm4pyAlignments / alignments.Seconds,
            (long)alignments.Result.Variants.Count, Human.Share(alignments.Result.LogFitness));
        var replay = Measure.Best(3, () => TokenReplay.Compute(log, net, options, cancellationToken));
        table.Add(name, "token replay", Human.Duration(replay.Seconds), Human.Duration(pm4pyReplay), pm4pyReplay / replay.Seconds,
            (long)replay.Result.Variants.Count, Human.Share(replay.Result.LogFitness));
    }
}
