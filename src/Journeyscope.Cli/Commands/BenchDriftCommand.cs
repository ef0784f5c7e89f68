using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Journeyscope.Cli.Bench;
using Journeyscope.Cli.Output;
using Journeyscope.Discovery;
using Journeyscope.Monitoring;
using Journeyscope.Results;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>journeyscope bench drift</c>: drift detection (adaptive windows) on the generated log, side by side with the same
/// detection over the sequentially built features (the reference, <see cref="DriftOptions.ReferenceFeatures"/>) and with
/// discovery of the same log, all best of <c>--runs</c>; exits 1 when the two detections differ.
/// </summary>
internal static class BenchDriftCommand
{
    public static Command Create(CliContext context)
    {
        var events = BenchOptions.GeneratedEvents(6_700_000, "Events in the generated log (about 6.7 per case: the default is about 1M cases).");
        var runs = BenchOptions.Runs();
        var command = new Command("drift",
            "Drift detection (adaptive windows of 200, 400 and 800 cases) versus the same detection with the reference (sequential) feature " +
            "build and versus discovery (DFG + performance DFG + variants + durations) of the same generated log, in one run; the two " +
            "detections must agree.\nExample: journeyscope bench drift --events 6700000 --runs 1")
        {
            events, runs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var n = BenchOptions.Runs(parse, runs);
            var code = GeneratedLog.Run(parse.GetValue(events), cancellationToken, generated =>
            {
                var (_, log, cases, written) = generated;
                var cpu = Cpu();
                var drift = Measure.Best(n, () => DriftDetector.Detect(log, cancellationToken: cancellationToken));
                var driftCpu = (Cpu() - cpu) / n;
                cpu = Cpu();
                var reference = Measure.Best(n, () => DriftDetector.Detect(log, options: new DriftOptions { ReferenceFeatures = true },
                    cancellationToken: cancellationToken));
                var referenceCpu = (Cpu() - cpu) / n;
                cpu = Cpu();
                var discovery = Measure.Best(n, () => DiscoveryResult.Discover(log, cancellationToken: cancellationToken));
                var discoveryCpu = (Cpu() - cpu) / n;
                var same = string.Equals(JsonSerializer.Serialize(drift.Result, ResultJson.Options),
                    JsonSerializer.Serialize(reference.Result, ResultJson.Options), StringComparison.Ordinal);
                var windows = string.Join("/", drift.Result.Parameters.Windows);
                var table = new Table("Drift benchmark", "Analysis", "Seconds", "CPU seconds", "Peak MiB", "Relative to discovery", "Events", "Cases", "Change points");
                table.Add("Journeyscope drift (windows " + windows + ")", Human.Duration(drift.Seconds), Human.Duration(driftCpu), drift.PeakMiB,
                    drift.Seconds / discovery.Seconds, written, cases, (long)drift.Result.ChangePoints.Count);
                table.Add("Journeyscope drift, reference features (sequential)", Human.Duration(reference.Seconds), Human.Duration(referenceCpu), reference.PeakMiB,
                    reference.Seconds / discovery.Seconds, written, cases, (long)reference.Result.ChangePoints.Count);
                table.Add("Journeyscope discovery (baseline)", Human.Duration(discovery.Seconds), Human.Duration(discoveryCpu), discovery.PeakMiB, 1.0, written, cases, 0L);
                var report = new Report().Add(table);
                report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"All: best of {n} runs on the log loaded beforehand. Relative = seconds / discovery seconds. CPU seconds: the process's processor time over all threads, mean per run (the load distorts it less than the wall clock). Drift speed-up over the reference: {reference.Seconds / drift.Seconds:0.00}x. The generated log has no drift: its change points are false alarms."));
                report.Notes.Add(same
                    ? "Results equal: the two detections serialise to the same JSON."
                    : "RESULTS DIFFER: the detection over the parallel features does not equal the reference.");
                report.Write(context.GetFormat(parse), context.Output);
                return same ? ExitCodes.Success : ExitCodes.BadInput;
            });
            return Task.FromResult(code);
        });
        return command;
    }

    private static double Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
