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

            var map = ProcessMap.Build(source.Load(parse, cancellationToken), new ProcessMapOptions { ActivityCoverage = activityShare, PathCoverage = pathShare }, cancellationToken);
            var log = map.Log;
            var graph = map.Discovery.DirectlyFollowsGraph;
            var performance = map.Discovery.PerformanceDfg;
            var keptEdges = map.Edges.Select(e => (e.From, e.To)).ToHashSet();
            var report = new Report();
            var activities = new Table("Activities", "Activity", "Events", "Cases", "Rework cases", "Self-loops", "Starts", "Ends");
            foreach (var a in graph.ActivityStatistics.Where(a => a.Events > 0).OrderByDescending(a => a.Events))
            {
                activities.Add(a.Name, a.Events, a.Cases, a.ReworkCases, a.SelfLoops, graph.StartActivityCounts[a.Activity], graph.EndActivityCounts[a.Activity]);
            }

            var edges = new Table("Edges", "From", "To", "Count", "Cases", "Mean (s)", "Median (s)", "Min (s)", "Max (s)", "Sum (s)", "Stdev (s)", "P90 (s)");
            var edgeJson = new List<object>();
            foreach (var e in graph.Edges.Where(e => keptEdges.Contains((e.From, e.To))).OrderByDescending(e => e.Count))
            {
                var p = performance.FindEdge(graph.Activities[e.From], graph.Activities[e.To]);
                edges.Add(graph.Activities[e.From], graph.Activities[e.To], e.Count, e.CaseCount, p?.Mean, p?.Median, p?.Min, p?.Max, p?.Sum, p?.StandardDeviation, p?.P90);
                edgeJson.Add(new
                {
                    from = graph.Activities[e.From],
                    to = graph.Activities[e.To],
                    count = e.Count,
                    cases = e.CaseCount,
                    seconds = p is { } q ? new { mean = q.Mean, median = q.Median, min = q.Min, max = q.Max, sum = q.Sum, stdev = q.StandardDeviation, p90 = q.P90 } : null,
                });
            }

            report.Add(edges).Add(activities);
            report.Notes.Add($"{log.CaseCount:N0} cases, {log.EventCount:N0} events, {map.Activities.Count:N0} activities shown ({map.HiddenActivityCount:N0} hidden), " +
                $"{map.Edges.Count:N0} edges shown ({map.HiddenEdgeCount:N0} hidden), {log.TimeBasis} time.");
            report.Json = new
            {
                timeBasis = log.TimeBasis == EventLogs.TimeBasis.Utc ? "utc" : "wall-clock",
                cases = log.CaseCount,
                events = log.EventCount,
                activities = graph.ActivityStatistics.Where(a => a.Events > 0).Select(a => new
                {
                    name = a.Name,
                    events = a.Events,
                    cases = a.Cases,
                    reworkCases = a.ReworkCases,
                    selfLoops = a.SelfLoops,
                    starts = graph.StartActivityCounts[a.Activity],
                    ends = graph.EndActivityCounts[a.Activity],
                }),
                edges = edgeJson,
                starts = map.StartEdges.Select(e => new { activity = graph.Activities[e.Activity], count = e.Count }),
                ends = map.EndEdges.Select(e => new { activity = graph.Activities[e.Activity], count = e.Count }),
                sliders = new
                {
                    activities = activityShare,
                    paths = pathShare,
                    activityCoverage = map.ActivityCoverage,
                    pathCoverage = map.PathCoverage,
                    hiddenActivities = map.HiddenActivityCount,
                    hiddenEdges = map.HiddenEdgeCount,
                },
            };
            report.Dot = ProcessMapDot.Write(map);
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
