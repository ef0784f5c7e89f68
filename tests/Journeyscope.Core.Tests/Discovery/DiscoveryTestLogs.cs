using System.Globalization;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.Discovery;

/// <summary>Small logs written in the tests and a name-based description of results for comparisons.</summary>
internal static class DiscoveryTestLogs
{
    public static readonly DateTime Origin = new(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    public static long Seconds(double seconds) => Origin.Ticks + (long)(seconds * TimeSpan.TicksPerSecond);

    /// <summary>Builds a log from cases written as (activity, seconds after the origin) pairs.</summary>
    public static EventLog Build(params (string CaseId, (string Activity, double At)[] Events)[] cases)
    {
        var builder = new EventLogBuilder();
        foreach (var (caseId, events) in cases)
        {
            foreach (var (activity, at) in events)
            {
                builder.AddEvent(caseId, activity, Seconds(at));
            }
        }

        return builder.Build();
    }

    /// <summary>Builds a log from generated cases: activity index and minute per event.</summary>
    public static EventLog Build((int Activity, int Minute)[][] cases)
    {
        var builder = new EventLogBuilder();
        for (var c = 0; c < cases.Length; c++)
        {
            var caseId = "c" + c.ToString(CultureInfo.InvariantCulture);
            foreach (var (activity, minute) in cases[c])
            {
                builder.AddEvent(caseId, "a" + activity.ToString(CultureInfo.InvariantCulture), Origin.Ticks + (minute * TimeSpan.TicksPerMinute));
            }
        }

        return builder.Build();
    }

    /// <summary>Everything a result says, keyed by activity names, so that logs with different codes compare.</summary>
    public static List<string> Describe(DiscoveryResult result)
    {
        var lines = new List<string>();
        var graph = result.DirectlyFollowsGraph;
        var names = graph.Activities;
        foreach (var s in graph.ActivityStatistics.Where(s => s.Events > 0).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            lines.Add(Invariant($"activity {s.Name} events={s.Events} cases={s.Cases} rework={s.ReworkCases} loops={s.SelfLoops} start={graph.StartActivityCounts[s.Activity]} end={graph.EndActivityCounts[s.Activity]}"));
        }

        lines.AddRange(graph.Edges
            .Select(e => Invariant($"edge {names[e.From]}->{names[e.To]} count={e.Count} cases={e.CaseCount}"))
            .Order(StringComparer.Ordinal));
        lines.AddRange(result.PerformanceDfg.Edges
            .Select(e => Invariant($"perf {names[e.From]}->{names[e.To]} n={e.Count} mean={e.Mean:R} median={e.Median:R} min={e.Min:R} max={e.Max:R} sum={e.Sum:R} sd={e.StandardDeviation:R} p90={e.P90:R}"))
            .Order(StringComparer.Ordinal));
        foreach (var v in result.Variants.Variants)
        {
            lines.Add(Invariant($"variant #{v.Rank} {string.Join(",", v.Activities)} n={v.CaseCount} share={v.Share:R} cum={v.CumulativeCoverage:R} mean={v.MeanDuration:R} median={v.MedianDuration:R} examples={string.Join(",", v.ExampleCaseIds)}"));
        }

        var d = result.CaseDurations;
        lines.Add(Invariant($"durations n={d.Count} mean={d.Mean:R} median={d.Median:R} min={d.Min:R} max={d.Max:R} p90={d.P90:R} p95={d.P95:R} all={string.Join(",", d.AllSorted.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))}"));
        return lines;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
