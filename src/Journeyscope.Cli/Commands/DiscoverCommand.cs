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
        var command = new Command("discover",
            "The process map: activities, directly-follows edges with counts and times, start and end activities.\n" +
            "Example: journeyscope discover --workspace ./receipt --filter \"variants coverage 80%\" --format json");
        source.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var log = source.Load(parse, cancellationToken);
            var result = DiscoveryResult.Discover(log, cancellationToken: cancellationToken);
            var graph = result.DirectlyFollowsGraph;
            var performance = result.PerformanceDfg;
            var report = new Report();
            var activities = new Table("Activities", "Activity", "Events", "Cases", "Rework cases", "Self-loops", "Starts", "Ends");
            foreach (var a in graph.ActivityStatistics.OrderByDescending(a => a.Events))
            {
                activities.Add(a.Name, a.Events, a.Cases, a.ReworkCases, a.SelfLoops, graph.StartActivityCounts[a.Activity], graph.EndActivityCounts[a.Activity]);
            }

            var edges = new Table("Edges", "From", "To", "Count", "Cases", "Mean (s)", "Median (s)", "Min (s)", "Max (s)", "Sum (s)", "Stdev (s)", "P90 (s)");
            var edgeJson = new List<object>();
            foreach (var e in graph.Edges.OrderByDescending(e => e.Count))
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
            report.Notes.Add($"{log.CaseCount:N0} cases, {log.EventCount:N0} events, {graph.Activities.Count:N0} activities, {graph.Edges.Count:N0} edges ({log.TimeBasis} time).");
            report.Json = new
            {
                timeBasis = log.TimeBasis == EventLogs.TimeBasis.Utc ? "utc" : "wall-clock",
                cases = log.CaseCount,
                events = log.EventCount,
                activities = graph.ActivityStatistics.Select(a => new
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
            };
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
