using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

public static partial class DeviationAnalysis
{
    private static List<TimeTargetResult> MeasureTimeTargets(
        EventLog log, JourneyIndex index, DeviationOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        var results = new List<TimeTargetResult>();
        foreach (var target in index.Journey.TimeTargets)
        {
            var from = Resolve(target.From, index);
            var to = Resolve(target.To, index);
            if (from is null || to is null)
            {
                warnings.Add(UnknownTimeTargetEnd(target, from is null ? target.From : target.To));
                continue;
            }

            var elapsed = CaseElapsed(log, index, target, from, to, options, cancellationToken);
            results.Add(Summarise(target, elapsed, log.CaseIds, options));
        }

        return results;
    }

    /// <summary>The time each case took on a time target (ticks, case index), for the cases that reach both ends; used by the agenda too.</summary>
    internal static List<(long Ticks, int Case)> CaseElapsed(
        EventLog log, JourneyIndex index, Journeys.TimeTarget target, bool[] from, bool[] to, DeviationOptions options, CancellationToken cancellationToken)
    {
        var sameSpan = string.Equals(target.From, target.To, StringComparison.Ordinal);
        var elapsed = new List<(long Ticks, int Case)>();
        var timestamps = log.Timestamps;
        var activities = log.Activities;
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (c % ChunkCases == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var start = log.CaseStarts[c];
            var end = log.CaseStarts[c + 1];
            var first = -1;
            var last = -1;
            for (var e = start; e < end; e++)
            {
                var t = index.ActivityTouchpoint[activities[e]];
                if (first < 0)
                {
                    if (t >= 0 && from[t])
                    {
                        first = e;
                        if (!sameSpan)
                        {
                            continue;
                        }
                    }
                    else
                    {
                        continue;
                    }
                }

                if (t >= 0 && to[t])
                {
                    last = e;
                    if (!sameSpan)
                    {
                        break;
                    }
                }
            }

            if (first < 0 || last < 0)
            {
                continue;
            }

            var ticks = !target.BusinessHours
                ? timestamps[last] - timestamps[first]
                : log.TimeBasis == TimeBasis.WallClock
                    ? options.Calendar.DurationLocal(timestamps[first], timestamps[last]).Ticks
                    : options.Calendar.Duration(timestamps[first], timestamps[last]).Ticks;
            elapsed.Add((ticks, c));
        }

        return elapsed;
    }

    /// <summary>Which touchpoints an id names (internal for the agenda); <c>null</c> when unknown.</summary>
    internal static bool[]? ResolveTouchpoints(string id, JourneyIndex index) => Resolve(id, index);

    /// <summary>The warning for a time target whose end <paramref name="id"/> is neither a touchpoint nor a stage.</summary>
    internal static string UnknownTimeTargetEnd(Journeys.TimeTarget target, string id) =>
        $"Time target '{target.Id}' names '{id}', which is neither a touchpoint nor a stage: not measured.";

    /// <summary>The result of a time target from each measured case's time (ticks, index into <paramref name="caseIds"/>), in case order.</summary>
    internal static TimeTargetResult Summarise(Journeys.TimeTarget target, List<(long Ticks, int Case)> elapsed, IReadOnlyList<string> caseIds, DeviationOptions options)
    {
        if (elapsed.Count == 0)
        {
            return new TimeTargetResult(target.Id, target.Name, target.Within.TotalSeconds, target.BusinessHours, 0, 0, 0, 0, 0, []);
        }

        var sum = 0.0;
        var breached = 0;
        foreach (var (ticks, _) in elapsed)
        {
            sum += ticks;
            breached += ticks > target.Within.Ticks ? 1 : 0;
        }

        // Longest first; ties in log order.
        elapsed.Sort((a, b) => a.Ticks != b.Ticks ? b.Ticks.CompareTo(a.Ticks) : a.Case.CompareTo(b.Case));
        var examples = new List<string>();
        for (var i = 0; i < elapsed.Count && examples.Count < options.ExampleCases && elapsed[i].Ticks > target.Within.Ticks; i++)
        {
            examples.Add(caseIds[elapsed[i].Case]);
        }

        // Lower median of the ascending order = element (n - 1) / 2 counted from the end of the descending list.
        var median = elapsed[elapsed.Count - 1 - ((elapsed.Count - 1) / 2)].Ticks;
        return new TimeTargetResult(
            target.Id, target.Name, target.Within.TotalSeconds, target.BusinessHours, elapsed.Count, breached,
            TimeSpan.FromTicks((long)Math.Round(sum / elapsed.Count)).TotalSeconds, TimeSpan.FromTicks(median).TotalSeconds,
            TimeSpan.FromTicks(elapsed[0].Ticks).TotalSeconds, examples);
    }

    /// <summary>Which touchpoints an id names: the touchpoint itself, or every touchpoint of a stage; <c>null</c> when unknown.</summary>
    private static bool[]? Resolve(string id, JourneyIndex index)
    {
        var set = new bool[index.Journey.Touchpoints.Count];
        if (index.TouchpointsById.TryGetValue(id, out var t))
        {
            set[t] = true;
            return set;
        }

        if (!index.StagesById.TryGetValue(id, out var s))
        {
            return null;
        }

        for (var i = 0; i < set.Length; i++)
        {
            set[i] = index.TouchpointStage[i] == s;
        }

        return set;
    }
}
