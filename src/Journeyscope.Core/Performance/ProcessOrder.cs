using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Performance;

/// <summary>
/// The order in which a value stream shows its steps: process order, not frequency order. One rule for
/// <c>journeyscope performance</c>, <c>GET …/performance</c> and the value stream page.
/// </summary>
/// <param name="Basis">Where the order comes from.</param>
/// <param name="Activities">Every activity of the log, in process order.</param>
/// <remarks>
/// With a designed journey whose touchpoints some events map to, an activity takes the designed position of the
/// earliest touchpoint (stages in order, then the touchpoints of a stage as listed) any of its events maps to; activities
/// no event of which maps come after them. Without a journey, or when none of its touchpoints matches, the order is the
/// dominant variant's. Either way, activities not placed yet follow in the order the variants meet them, walking the
/// variants from the most frequent (ties between variants are broken as <see cref="VariantSet"/> ranks them), so every
/// activity has exactly one place and the order is deterministic.
/// </remarks>
public sealed record ProcessOrder(StepOrder Basis, IReadOnlyList<string> Activities)
{
    /// <summary>The process order of <paramref name="log"/>'s activities, by <paramref name="journey"/> when it maps any event.</summary>
    /// <param name="log">The (filtered) log.</param>
    /// <param name="journey">The designed journey, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the variant discovery.</param>
    public static ProcessOrder Of(EventLog log, DesignedJourney? journey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var placed = new bool[log.ActivityCount];
        var order = new List<int>(log.ActivityCount);
        var basis = StepOrder.DominantVariant;
        if (journey is not null && DesignedPositions(journey, log) is { } positions)
        {
            basis = StepOrder.DesignedJourney;
            var mapped = new List<int>();
            for (var a = 0; a < positions.Length; a++)
            {
                if (positions[a] < int.MaxValue)
                {
                    mapped.Add(a);
                }
            }

            // Stable: activities at the same designed position keep their first-seen order below.
            var firstSeen = VariantWalk(log, cancellationToken);
            var rank = new int[log.ActivityCount];
            for (var i = 0; i < firstSeen.Count; i++)
            {
                rank[firstSeen[i]] = i;
            }

            mapped.Sort((x, y) => positions[x] != positions[y] ? positions[x].CompareTo(positions[y]) : rank[x].CompareTo(rank[y]));
            foreach (var a in mapped)
            {
                placed[a] = true;
                order.Add(a);
            }

            AddUnplaced(firstSeen, placed, order);
        }
        else
        {
            AddUnplaced(VariantWalk(log, cancellationToken), placed, order);
        }

        var names = new string[order.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = log.ActivityNames[order[i]];
        }

        return new ProcessOrder(basis, names);
    }

    /// <summary>Puts <paramref name="items"/> in this order; items whose key is not an activity of the order go last, in their given order.</summary>
    /// <param name="items">The items, e.g. per-activity figures.</param>
    /// <param name="activity">The activity of an item.</param>
    public IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, string> activity)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(activity);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Activities.Count; i++)
        {
            position.TryAdd(Activities[i], i);
        }

        return items.Select((item, index) => (item, index, key: position.TryGetValue(activity(item), out var p) ? p : int.MaxValue))
            .OrderBy(x => x.key).ThenBy(x => x.index).Select(x => x.item).ToList();
    }

    /// <summary>Per activity, the designed position of the earliest touchpoint any of its events maps to (int.MaxValue: none); null when no event maps.</summary>
    internal static int[]? DesignedPositions(DesignedJourney journey, EventLog log)
    {
        var touchpoints = journey.Touchpoints;
        if (touchpoints.Count == 0)
        {
            return null;
        }

        var stageIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < journey.Stages.Count; s++)
        {
            stageIndex.TryAdd(journey.Stages[s].Id, s);
        }

        // Designed position of touchpoint t: by its stage's place, then by its place in the file.
        var byDesign = Enumerable.Range(0, touchpoints.Count)
            .OrderBy(t => stageIndex.TryGetValue(touchpoints[t].Stage, out var s) ? s : int.MaxValue)
            .ThenBy(t => t)
            .ToArray();
        var designed = new int[touchpoints.Count];
        for (var i = 0; i < byDesign.Length; i++)
        {
            designed[byDesign[i]] = i;
        }

        var mapping = TouchpointMapping.Compile(journey, log);
        var eventTouchpoint = mapping.EventTouchpoint;
        var activities = log.Activities;
        var positions = new int[log.ActivityCount];
        Array.Fill(positions, int.MaxValue);
        var any = false;
        for (var e = 0; e < eventTouchpoint.Length; e++)
        {
            var t = eventTouchpoint[e];
            if (t >= 0)
            {
                any = true;
                var a = activities[e];
                positions[a] = Math.Min(positions[a], designed[t]);
            }
        }

        return any ? positions : null;
    }

    /// <summary>Activities in the order the variants meet them, from the most frequent variant down.</summary>
    private static List<int> VariantWalk(EventLog log, CancellationToken cancellationToken)
    {
        var seen = new bool[log.ActivityCount];
        var order = new List<int>(log.ActivityCount);
        foreach (var variant in VariantSet.Discover(log, cancellationToken: cancellationToken).Variants)
        {
            foreach (var a in variant.ActivityCodes)
            {
                if (!seen[a])
                {
                    seen[a] = true;
                    order.Add(a);
                }
            }

            if (order.Count == seen.Length)
            {
                break;
            }
        }

        // Activities of no case (possible after filtering by events) keep the log's dictionary order.
        for (var a = 0; a < seen.Length; a++)
        {
            if (!seen[a])
            {
                order.Add(a);
            }
        }

        return order;
    }

    private static void AddUnplaced(List<int> walk, bool[] placed, List<int> order)
    {
        foreach (var a in walk)
        {
            if (!placed[a])
            {
                placed[a] = true;
                order.Add(a);
            }
        }
    }
}
