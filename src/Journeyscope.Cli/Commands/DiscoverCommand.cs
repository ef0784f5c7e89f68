using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.Discovery;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope discover</c>: the process map (directly-follows graph) with frequencies and times.</summary>
internal static class DiscoverCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var activitySlider = new Option<double>("--activities")
        {
            Description = "Activity slider: keep the most frequent activities covering this share of events, 0..1 (default 1). Example: --activities 0.8",
            DefaultValueFactory = _ => 1.0,
        };
        var pathSlider = new Option<double>("--paths")
        {
            Description = "Path slider: keep the most frequent edges covering this share of transitions, 0..1 (default 1); kept activities stay connected.",
            DefaultValueFactory = _ => 1.0,
        };
        var command = new Command("discover",
            "The process map: activities, directly-follows edges with counts and times, start and end activities.\n" +
            "Example: journeyscope discover --workspace ./receipt --filter \"variants coverage 80%\" --activities 0.9 --paths 0.5 --format json")
        {
            activitySlider, pathSlider,
        };
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var (activityShare, pathShare) = (parse.GetValue(activitySlider), parse.GetValue(pathSlider));
            if (activityShare is < 0 or > 1 || pathShare is < 0 or > 1 || double.IsNaN(activityShare) || double.IsNaN(pathShare))
            {
                throw new UsageException("--activities and --paths take a share between 0 and 1.");
            }

            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            var map = ProcessMap.Build(log, new ProcessMapOptions { ActivityCoverage = activityShare, PathCoverage = pathShare }, cancellationToken);
            var result = ProcessMapResult.From(map, version, activityShare, pathShare, ProcessMapResult.ProcessingTimes(map.Statistics));
            var report = new Report();
            var activities = new Table("Activities", "Activity", "Events", "Cases", "Rework cases", "Self-loops", "Starts", "Ends");
            foreach (var a in result.Nodes)
            {
                activities.Add(a.Id, a.Events, a.Cases, a.ReworkCases, a.SelfLoops, a.Starts, a.Ends);
            }

            var edges = new Table("Edges", "From", "To", "Count", "Cases", "Mean (s)", "Median (s)", "Min (s)", "Max (s)", "Sum (s)", "Stdev (s)", "P90 (s)");
            foreach (var e in result.Edges)
            {
                edges.Add(e.From, e.To, e.Count, e.Cases, Human.Duration(e.MeanSeconds), Human.Duration(e.MedianSeconds), Human.Duration(e.MinSeconds),
                    Human.Duration(e.MaxSeconds), Human.Duration(e.TotalSeconds), Human.Duration(e.StdevSeconds), Human.Duration(e.P90Seconds));
            }

            report.Add(edges).Add(activities);
            report.Notes.Add($"{result.Cases:N0} cases, {result.Events:N0} events, {result.Nodes.Count:N0} activities shown ({map.HiddenActivityCount:N0} hidden), " +
                $"{result.Edges.Count:N0} edges shown ({map.HiddenEdgeCount:N0} hidden), {map.Log.TimeBasis} time.");
            report.Json = result;
            report.Dot = ProcessMapDot.Write(map);
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
