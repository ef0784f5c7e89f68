using System.CommandLine;
using System.Globalization;
using Journeyscope.Cli.Output;
using Journeyscope.Monitoring;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope drift</c>: the points where the way cases travel changed, and what changed, in plain words.</summary>
internal static class DriftCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var window = new Option<int?>("--window")
        {
            Description = $"Cases on each side of a boundary (at least {DriftOptions.MinWindow}). Default: adaptive, " +
                $"{DriftOptions.DefaultWindow}, {2 * DriftOptions.DefaultWindow} and {4 * DriftOptions.DefaultWindow} cases as far as the log allows.",
        };
        var alpha = new Option<double>("--alpha")
        {
            Description = "False-alarm rate per window scale over stable cases (default 0.01). Lower: fewer false change points, later and fewer true ones.",
            DefaultValueFactory = _ => DriftOptions.Default.Alpha,
        };
        var persistence = new Option<int>("--persistence")
        {
            Description = "Consecutive significant boundaries (one every window/20 cases) a change must hold for (default 5).",
            DefaultValueFactory = _ => DriftOptions.Default.Persistence,
        };
        var command = new Command("drift",
            "Process drift: compares adjacent windows of cases (ordered by their first event) and reports each change point, " +
            "its time, the first case after it and what changed (activities and directly-follows relations that appeared, vanished or changed frequency).\n" +
            "Example: journeyscope drift --window 300 --format json")
        {
            window, alpha, persistence,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new DriftOptions
            {
                Window = parse.GetValue(window),
                Alpha = parse.GetValue(alpha),
                Persistence = parse.GetValue(persistence),
            };
            if (options.Problem() is { } problem)
            {
                throw new UsageException(problem);
            }

            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            var result = DriftDetector.Detect(log, version, options, cancellationToken);
            var points = new Table("Change points", "Change", "Case index", "First case", "Time", "Window", "p-value", "Changes");
            var changes = new Table("What changed", "Change", "Before", "After", "What");
            for (var i = 0; i < result.ChangePoints.Count; i++)
            {
                var p = result.ChangePoints[i];
                points.Add(i + 1, p.CaseIndex, p.CaseId, p.Timestamp.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), p.Window,
                    p.PValue.ToString("0.##E+0", CultureInfo.InvariantCulture), p.Changes.Count);
                foreach (var c in p.Changes)
                {
                    changes.Add(i + 1, Human.Share(c.Before), Human.Share(c.After), c.Text);
                }
            }

            var report = new Report().Add(points).Add(changes);
            report.Notes.Add(result.ChangePoints.Count == 0
                ? $"No drift found in {result.Cases:N0} cases (windows {Windows(result)})."
                : $"{result.ChangePoints.Count:N0} change point(s) in {result.Cases:N0} cases (windows {Windows(result)}, alpha {result.Parameters.Alpha.ToString(CultureInfo.InvariantCulture)}).");
            report.Json = result;
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string Windows(DriftResult result) =>
        result.Parameters.Windows.Count == 0 ? $"none: fewer than {2 * DriftOptions.MinWindow} cases" : string.Join(", ", result.Parameters.Windows);
}
