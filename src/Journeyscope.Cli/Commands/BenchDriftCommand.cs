using System.CommandLine;
using System.Globalization;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Discovery;
using Journeyscope.Monitoring;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench drift</c>: drift detection (adaptive windows) on the generated log, side by side with discovery
/// of the same log as the baseline, both best of <c>--runs</c>.
/// </summary>
internal static class BenchDriftCommand
{
    public static Command Create(CliContext context)
    {
        var events = GeneratedLog.EventsOption();
        events.DefaultValueFactory = _ => 6_700_000;
        events.Description = "Events in the generated log (about 6.7 per case: the default is about 1M cases). Example: --events 6700000";
        var runs = Measure.RunsOption();
        var command = new Command("drift",
            "Drift detection (adaptive windows of 200, 400 and 800 cases) versus discovery (DFG + performance DFG + variants + durations) " +
            "of the same generated log, in one run.\nExample: journeyscope bench drift --events 6700000 --runs 1")
        {
            events, runs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var n = Measure.Runs(parse.GetValue(runs));
            var code = GeneratedLog.Run(parse.GetValue(events), cancellationToken, generated =>
            {
                var (_, log, cases, written) = generated;
                var drift = Measure.Best(n, () => DriftDetector.Detect(log, cancellationToken: cancellationToken));
                var discovery = Measure.Best(n, () => DiscoveryResult.Discover(log, cancellationToken: cancellationToken));
                var table = new Table("Drift benchmark", "Analysis", "Seconds", "Peak MiB", "Relative to discovery", "Events", "Cases", "Change points");
                table.Add("Journeyscope drift (windows " + string.Join("/", drift.Result.Parameters.Windows) + ")", Human.Duration(drift.Seconds), drift.PeakMiB,
                    drift.Seconds / discovery.Seconds, written, cases, (long)drift.Result.ChangePoints.Count);
                table.Add("Journeyscope discovery (baseline)", Human.Duration(discovery.Seconds), discovery.PeakMiB, 1.0, written, cases, 0L);
                var report = new Report().Add(table);
                report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Both: best of {n} runs on the log loaded beforehand. Relative = drift seconds / discovery seconds. The generated log has no drift: its change points are false alarms."));
                report.Write(context.GetFormat(parse), context.Output);
                return ExitCodes.Success;
            });
            return Task.FromResult(code);
        });
        return command;
    }
}
