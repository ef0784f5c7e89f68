using Journeyscope.EventLogs;

namespace Journeyscope.Funnels;

/// <summary>Paths from, to or between chosen steps: the top next (or previous) steps per depth, as Sankey data.</summary>
/// <remarks>
/// Each case with the anchor contributes one path starting at its first anchor event. At depth <c>d</c> the path is at the
/// event <c>d</c> steps after (forward) or before (backward) the anchor; past the case's edge it is at an "end of journey"
/// (or "start of journey") node and stops; with a target it stops at the first target event. At each depth, the
/// <see cref="PathOptions.Top"/> most frequent activities (ties by name) get their own node and the rest share "other".
/// O(cases x depth) plus the anchor scan; thread-safe.
/// </remarks>
public static class PathAnalysis
{
    private const int Gone = -3;
    private const int AtTarget = -2;
    private const int AtEnd = -1;

    /// <summary>Computes the paths of <paramref name="log"/> under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Depth or top is not positive.</exception>
    public static PathResult Compute(EventLog log, PathOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Top, 1);
        var depth = options.Depth;
        var anchor = StepMask.Evaluate(log, options.Anchor);
        var target = options.Target is null ? null : StepMask.Evaluate(log, options.Target);
        var forward = options.Direction == PathDirection.Forward;
        var activities = log.Activities;

        // Pass 1: each case's path as activity codes (or end/target/gone markers), depth by depth.
        var paths = new List<int>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            if ((c & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var start = log.CaseStart(c);
            var end = log.CaseStart(c + 1);
            var at = Array.IndexOf(anchor, true, start, end - start);
            if (at < 0)
            {
                continue;
            }

            var stopped = false;
            for (var d = 1; d <= depth; d++)
            {
                var e = forward ? at + d : at - d;
                if (stopped)
                {
                    paths.Add(Gone);
                }
                else if (e < start || e >= end)
                {
                    paths.Add(AtEnd);
                    stopped = true;
                }
                else if (target is not null && target[e])
                {
                    paths.Add(AtTarget);
                    stopped = true;
                }
                else
                {
                    paths.Add(activities[e]);
                }
            }
        }

        var cases = paths.Count / depth;
        return Build(log, options, paths, cases);
    }

    private static PathResult Build(EventLog log, PathOptions options, List<int> paths, int cases)
    {
        var depth = options.Depth;
        var nodes = new List<PathNode> { new(0, 0, options.Anchor.Label, PathNodeKind.Anchor, cases) };

        // nodeOf[d][code] for activities, plus per-depth ids of other / end / target.
        var counts = new long[log.ActivityCount];
        var nodeOf = new int[depth + 1][];
        var other = new int[depth + 1];
        var endNode = new int[depth + 1];
        var targetNode = new int[depth + 1];
        for (var d = 1; d <= depth; d++)
        {
            Array.Clear(counts);
            long otherCount = 0, endCount = 0, targetCount = 0;
            for (var c = 0; c < cases; c++)
            {
                var code = paths[(c * depth) + d - 1];
                if (code >= 0)
                {
                    counts[code]++;
                }
                else if (code == AtEnd)
                {
                    endCount++;
                }
                else if (code == AtTarget)
                {
                    targetCount++;
                }
            }

            var ranked = new List<int>();
            for (var a = 0; a < counts.Length; a++)
            {
                if (counts[a] > 0)
                {
                    ranked.Add(a);
                }
            }

            ranked.Sort((x, y) =>
            {
                var byCount = counts[y].CompareTo(counts[x]);
                return byCount != 0 ? byCount : string.CompareOrdinal(log.ActivityNames[x], log.ActivityNames[y]);
            });
            nodeOf[d] = new int[log.ActivityCount];
            other[d] = endNode[d] = targetNode[d] = -1;
            for (var i = 0; i < ranked.Count; i++)
            {
                if (i < options.Top)
                {
                    nodeOf[d][ranked[i]] = nodes.Count;
                    nodes.Add(new PathNode(nodes.Count, d, log.ActivityNames[ranked[i]], PathNodeKind.Activity, counts[ranked[i]]));
                }
                else
                {
                    otherCount += counts[ranked[i]];
                }
            }

            if (otherCount > 0)
            {
                other[d] = nodes.Count;
                nodes.Add(new PathNode(nodes.Count, d, "other", PathNodeKind.Other, otherCount));
                for (var i = options.Top; i < ranked.Count; i++)
                {
                    nodeOf[d][ranked[i]] = other[d];
                }
            }

            if (targetCount > 0)
            {
                targetNode[d] = nodes.Count;
                nodes.Add(new PathNode(nodes.Count, d, options.Target!.Label, PathNodeKind.Target, targetCount));
            }

            if (endCount > 0)
            {
                endNode[d] = nodes.Count;
                var label = options.Direction == PathDirection.Forward ? "end of journey" : "start of journey";
                nodes.Add(new PathNode(nodes.Count, d, label, PathNodeKind.End, endCount));
            }
        }

        // Pass 2: links between the node a case is at on depth d - 1 and on depth d.
        var links = new Dictionary<(int, int), long>();
        for (var c = 0; c < cases; c++)
        {
            var from = 0;
            for (var d = 1; d <= depth; d++)
            {
                var code = paths[(c * depth) + d - 1];
                if (code == Gone)
                {
                    break;
                }

                var to = code switch
                {
                    AtEnd => endNode[d],
                    AtTarget => targetNode[d],
                    _ => nodeOf[d][code],
                };
                links[(from, to)] = links.GetValueOrDefault((from, to)) + 1;
                from = to;
            }
        }

        var linkList = new List<PathLink>(links.Count);
        foreach (var ((source, target), count) in links)
        {
            linkList.Add(new PathLink(source, target, count));
        }

        linkList.Sort((a, b) => a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Target.CompareTo(b.Target));
        return new PathResult(options, cases, nodes, linkList);
    }
}
