using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Monitoring;

/// <summary>
/// Replays a stored log through a <see cref="RuleEngine"/> in time order (all customers interleaved, deadlines fired as
/// the clock passes them) and counts what each rule would have fired: <c>journeyscope rules dry-run</c> and the API.
/// </summary>
public static class RuleDryRun
{
    /// <summary>Replays <paramref name="log"/> against the rules of <paramref name="journey"/>.</summary>
    /// <param name="log">The stored history.</param>
    /// <param name="journey">The journey with its rules.</param>
    /// <param name="until">Evaluate deadlines up to this time; the last event's time when null (open occurrences whose deadline lies later are not counted).</param>
    /// <param name="firings">When set, the result also lists the firings themselves (<see cref="RuleDryRunResult.FiringList"/>), one page of them.</param>
    /// <param name="cancellationToken">Checked every 64k events.</param>
    public static RuleDryRunResult Run(
        EventLog log, DesignedJourney journey, DateTimeOffset? until = null, RuleDryRunPage? firings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(journey);
        var engine = new RuleEngine(journey);
        var count = log.Activities.Length;
        var order = new int[count];
        var times = new long[count];
        for (var e = 0; e < count; e++)
        {
            order[e] = e;
            times[e] = log.GetTimestamp(e).UtcTicks;
        }

        // Stable by time: events of a case keep their order, customers interleave by time.
        MergeSortStable(order, times);
        var caseOf = new int[count];
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.CaseStart(c); e < log.CaseStart(c) + log.CaseLength(c); e++)
            {
                caseOf[e] = c;
            }
        }

        var fired = new List<RuleFiring>();
        var columns = new Dictionary<string, AttributeColumn?>(StringComparer.Ordinal);
        var last = DateTimeOffset.MinValue;
        for (var i = 0; i < count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var e = order[i];
            var at = log.GetTimestamp(e);
            last = at > last ? at : last;
            engine.AdvanceTo(at, fired);
            var row = e;
            engine.Observe(log.CaseIds[caseOf[e]], log.ActivityNames[log.Activities[e]], at, name => Attribute(log, columns, name, row), fired);
        }

        var end = until ?? (count > 0 ? last : null);
        if (end is { } stop)
        {
            engine.AdvanceTo(stop, fired);
        }

        var rules = journey.Rules.Select(r => (r.Id, r.Name, Kind: "rule"))
            .Concat(journey.TimeTargets.Select(t => (t.Id, t.Name, Kind: "time-target")))
            .Select(r =>
            {
                var mine = fired.Where(f => f.Kind == r.Kind && string.Equals(f.Rule, r.Id, StringComparison.Ordinal)).ToList();
                return new RuleDryRunRule(r.Id, r.Name, r.Kind, mine.Count, mine.Select(f => f.Customer).Distinct(StringComparer.Ordinal).Count(),
                    [.. mine.OrderBy(f => f.At).Take(5)]);
            })
            .ToList();
        RuleDryRunFirings? list = null;
        if (firings is { } page)
        {
            // One order for every page: by time, then by the firing's key (journey/rule/customer/occurrence).
            fired.Sort((x, y) =>
            {
                var c = x.At.UtcTicks.CompareTo(y.At.UtcTicks);
                return c != 0 ? c : string.CompareOrdinal(x.DedupKey, y.DedupKey);
            });
            var offset = Math.Min(page.Offset, fired.Count);
            list = new RuleDryRunFirings(fired.Count, offset, fired.GetRange(offset, Math.Min(page.Limit, fired.Count - offset)));
        }

        return new RuleDryRunResult(journey.Id, log.CaseCount, count, end, rules, list);
    }

    private static string? Attribute(EventLog log, Dictionary<string, AttributeColumn?> columns, string name, int row)
    {
        if (!columns.TryGetValue(name, out var column))
        {
            column = columns[name] = log.FindEventAttribute(name);
        }

        return column?.GetValue(row)?.ToString();
    }

    private static void MergeSortStable(int[] order, long[] times)
    {
        // Array.Sort is not stable: re-sort by (time, event index), which keeps each case's stored order.
        Array.Sort(order, (x, y) =>
        {
            var c = times[x].CompareTo(times[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
    }
}
