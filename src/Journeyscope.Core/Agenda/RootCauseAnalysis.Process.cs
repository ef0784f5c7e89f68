using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Agenda;

public static partial class RootCauseAnalysis
{
    /// <summary>How many first activities make a case's entry path.</summary>
    public const int EntryPathLength = 3;

    private static void AddEntryPaths(EventLog log, int outcomeCases, bool[] excluded, List<RootCauseCandidate> candidates)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var names = log.ActivityNames;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var parts = new List<string>(EntryPathLength);
            foreach (var a in log.CaseActivities(c))
            {
                if (!excluded[a])
                {
                    parts.Add(names[a]);
                    if (parts.Count == EntryPathLength)
                    {
                        break;
                    }
                }
            }

            Member(groups, string.Join(" > ", parts), c);
        }

        if (groups.Count < 2)
        {
            return;
        }

        foreach (var (path, members) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            candidates.Add(new RootCauseCandidate(EntryPathKind, "entry path", path, $"Came in by {path}", [.. members], log.CaseCount, outcomeCases));
        }
    }

    /// <summary>Per activity, the cases whose wait before its first event is above that wait's median, against the other cases that have it.</summary>
    private static void AddWaits(EventLog log, int minSupport, bool[] excluded, List<RootCauseWaitGroup> groups)
    {
        var waits = new List<(int Case, double Seconds)>[log.ActivityCount];
        var first = new bool[log.ActivityCount];
        for (var c = 0; c < log.CaseCount; c++)
        {
            foreach (var a in log.CaseActivities(c))
            {
                first[a] = false;
            }

            for (var e = log.CaseStart(c) + 1; e < log.CaseStart(c + 1); e++)
            {
                var a = log.Activities[e];
                if (first[a] || excluded[a])
                {
                    continue;
                }

                first[a] = true;

                // A wait out of one of the outcome's own activities is the outcome's doing, not a cause of it.
                if (excluded[log.Activities[e - 1]])
                {
                    continue;
                }

                (waits[a] ??= []).Add((c, WaitSeconds(log, e)));
            }
        }

        for (var a = 0; a < waits.Length; a++)
        {
            if (waits[a] is not { } list || list.Count < 2 * minSupport)
            {
                continue;
            }

            var seconds = list.Select(w => w.Seconds).ToArray();
            var median = RootCauseStatistics.Median(seconds);
            var members = list.Where(w => w.Seconds > median).Select(w => w.Case).ToArray();
            var name = log.ActivityNames[a];
            var text = string.Create(CultureInfo.InvariantCulture, $"> {median:0.#} s");
            groups.Add(new RootCauseWaitGroup(name, text,
                string.Create(CultureInfo.InvariantCulture, $"Waited longer than the median ({DurationText(median)}) before {name}"),
                members, [.. list.Select(w => w.Case)]));
        }
    }

    /// <summary>Seconds from the previous event's completion to event <paramref name="e"/>'s start (its timestamp without start times).</summary>
    private static double WaitSeconds(EventLog log, int e)
    {
        var start = log.StartTimestamps is { } starts && starts.IsValid(e) ? starts.UtcTicks[e] : log.Timestamps[e];
        return Math.Max(0, (start - log.Timestamps[e - 1]) / (double)TimeSpan.TicksPerSecond);
    }

    private static string DurationText(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        < 86400 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0.#} d"),
    };

    private static List<RootCauseWait> Backstage(EventLog log, bool[] outcome, int top, CancellationToken cancellationToken)
    {
        // Per hand-over, each case's mean wait on it, split by outcome.
        var perCase = new Dictionary<long, (double Sum, int Count)>();
        var sides = new Dictionary<long, (List<double> Outcome, List<double> Other)>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            if ((c & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            perCase.Clear();
            for (var e = log.CaseStart(c) + 1; e < log.CaseStart(c + 1); e++)
            {
                var key = ((long)log.Activities[e - 1] << 32) | (uint)log.Activities[e];
                var current = perCase.GetValueOrDefault(key);
                perCase[key] = (current.Sum + WaitSeconds(log, e), current.Count + 1);
            }

            foreach (var (key, (sum, count)) in perCase)
            {
                if (!sides.TryGetValue(key, out var lists))
                {
                    lists = ([], []);
                    sides[key] = lists;
                }

                (outcome[c] ? lists.Outcome : lists.Other).Add(sum / count);
            }
        }

        var result = new List<(double Distance, RootCauseWait Wait)>();
        foreach (var (key, (withOutcome, other)) in sides)
        {
            if (withOutcome.Count < 5 || other.Count < 5)
            {
                continue;
            }

            var (m1, v1) = MeanVariance(withOutcome);
            var (m0, v0) = MeanVariance(other);
            var half = RootCauseStatistics.Z95 * Math.Sqrt((v1 / withOutcome.Count) + (v0 / other.Count));
            var difference = m1 - m0;
            var wait = new RootCauseWait(log.ActivityNames[(int)(key >> 32)], log.ActivityNames[(int)(key & 0xFFFFFFFF)],
                withOutcome.Count, other.Count, m1, m0, RootCauseStatistics.Median([.. withOutcome]), RootCauseStatistics.Median([.. other]),
                difference, difference - half, difference + half);
            result.Add((RootCauseStatistics.DistanceFromZero(wait.Low, wait.High), wait));
        }

        return result.OrderByDescending(r => r.Distance)
            .ThenByDescending(r => Math.Abs(r.Wait.DifferenceSeconds))
            .ThenBy(r => r.Wait.From, StringComparer.Ordinal)
            .ThenBy(r => r.Wait.To, StringComparer.Ordinal)
            .Take(top)
            .Select(r => r.Wait)
            .ToList();
    }

    private static (double Mean, double Variance) MeanVariance(List<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Count;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, values.Count > 1 ? squares / (values.Count - 1) : 0);
    }
}
