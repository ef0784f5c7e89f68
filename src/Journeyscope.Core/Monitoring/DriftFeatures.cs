using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Monitoring;

/// <summary>
/// The binary features of each case, cases ordered by their first event: activities present, directly-follows
/// relations present and (for the most frequent variants) the variant. Stored as one compressed row per case.
/// </summary>
/// <remarks>Built in one pass over the events: O(events) time, O(cases x distinct features per case) memory.</remarks>
internal sealed partial class DriftFeatures
{
    /// <summary>Above this many activities the relation table of each block would be too large: the sequential build is used.</summary>
    private const int FastActivityLimit = 1024;

    private const int DenseEdgeLimit = 1 << 22;

    private DriftFeatures(int[] order, int[] starts, int[] ids, DriftFeature[] features)
    {
        Order = order;
        Starts = starts;
        Ids = ids;
        Features = features;
    }

    /// <summary>The case index at each position (cases ordered by first event, ties by case index).</summary>
    public int[] Order { get; }

    /// <summary>Position <c>p</c> owns feature ids <c>Ids[Starts[p]..Starts[p + 1]]</c>.</summary>
    public int[] Starts { get; }

    /// <summary>The distinct feature ids of each position, concatenated.</summary>
    public int[] Ids { get; }

    /// <summary>What each feature id is.</summary>
    public DriftFeature[] Features { get; }

    public int CaseCount => Order.Length;

    public ReadOnlySpan<int> Row(int position) => Ids.AsSpan(Starts[position], Starts[position + 1] - Starts[position]);

    /// <summary>
    /// Builds the features in parallel over blocks of positions: a first pass finds where each directly-follows
    /// relation first appears (so its id is the one the sequential <see cref="BuildReference"/> gives), a second writes
    /// each block's rows, which are then copied into place. Same ids and rows as the reference, O(events / cores).
    /// </summary>
    public static DriftFeatures Build(EventLog log, int maxVariants, CancellationToken cancellationToken)
    {
        var activityCount = log.ActivityCount;
        if (activityCount > FastActivityLimit)
        {
            return BuildReference(log, maxVariants, cancellationToken);
        }

        var n = log.CaseCount;
        var order = OrderByFirstEvent(log);
        var features = new List<DriftFeature>(activityCount * 4);
        for (var a = 0; a < activityCount; a++)
        {
            features.Add(new DriftFeature(DriftSubject.Activity, a, -1, -1));
        }

        var variantFeature = VariantFeatures(log, maxVariants, features, out var variantOfCase);
        var blocks = Blocks(n);
        var edgeOf = EdgeIds(log, order, blocks, features, cancellationToken);
        var featureCount = features.Count;
        var rows = new int[blocks.Length - 1][];
        var starts = new int[n + 1];
        Parallel.For(0, blocks.Length - 1, new ParallelOptions { CancellationToken = cancellationToken }, b =>
        {
            var seenAt = new int[featureCount];
            seenAt.AsSpan().Fill(-1);
            var from = blocks[b];
            var to = blocks[b + 1];
            var events = 0;
            for (var p = from; p < to; p++)
            {
                events += log.CaseLength(order[p]);
            }

            var buffer = new int[(2 * events) + (to - from)];
            var count = 0;
            for (var p = from; p < to; p++)
            {
                var c = order[p];
                var rowStart = count;
                var previous = -1;
                foreach (var a in log.CaseActivities(c))
                {
                    if (seenAt[a] != p)
                    {
                        seenAt[a] = p;
                        buffer[count++] = a;
                    }

                    if (previous >= 0)
                    {
                        var edge = edgeOf[(previous * activityCount) + a];
                        if (seenAt[edge] != p)
                        {
                            seenAt[edge] = p;
                            buffer[count++] = edge;
                        }
                    }

                    previous = a;
                }

                if (variantOfCase.Length > 0 && variantFeature[variantOfCase[c]] is var v and >= 0 && seenAt[v] != p)
                {
                    seenAt[v] = p;
                    buffer[count++] = v;
                }

                starts[p + 1] = count - rowStart;
            }

            rows[b] = buffer[..count];
        });
        for (var p = 0; p < n; p++)
        {
            starts[p + 1] += starts[p];
        }

        var ids = new int[starts[n]];
        Parallel.For(0, rows.Length, b => rows[b].CopyTo(ids, starts[blocks[b]]));
        return new DriftFeatures(order, starts, ids, [.. features]);
    }

    /// <summary>
    /// The feature id of every directly-follows relation (dense, <c>previous * activities + next</c>; -1 where absent),
    /// appended to <paramref name="features"/> in the order of their first appearance (position, then event), exactly as
    /// a sequential pass would meet them.
    /// </summary>
    private static int[] EdgeIds(EventLog log, int[] order, int[] blocks, List<DriftFeature> features, CancellationToken cancellationToken)
    {
        var activityCount = log.ActivityCount;
        var pairs = activityCount * activityCount;
        long eventStride = 1;
        var caseStarts = log.CaseStarts;
        for (var c = 0; c < log.CaseCount; c++)
        {
            eventStride = Math.Max(eventStride, caseStarts[c + 1] - caseStarts[c]);
        }

        // The first appearance of a relation as one sortable key: position x (longest case) + offset of its second event.
        var firsts = new long[blocks.Length - 1][];
        Parallel.For(0, blocks.Length - 1, new ParallelOptions { CancellationToken = cancellationToken }, b =>
        {
            var first = new long[pairs];
            first.AsSpan().Fill(long.MaxValue);
            for (var p = blocks[b]; p < blocks[b + 1]; p++)
            {
                var acts = log.CaseActivities(order[p]);
                for (var i = 1; i < acts.Length; i++)
                {
                    ref var slot = ref first[(acts[i - 1] * activityCount) + acts[i]];
                    if (slot == long.MaxValue)
                    {
                        slot = (p * eventStride) + i;
                    }
                }
            }

            firsts[b] = first;
        });
        var keys = new List<(long Key, int Pair)>();
        for (var pair = 0; pair < pairs; pair++)
        {
            var key = long.MaxValue;
            foreach (var first in firsts)
            {
                key = Math.Min(key, first[pair]);
            }

            if (key != long.MaxValue)
            {
                keys.Add((key, pair));
            }
        }

        keys.Sort();
        var edgeOf = new int[pairs];
        edgeOf.AsSpan().Fill(-1);
        foreach (var (_, pair) in keys)
        {
            edgeOf[pair] = features.Count;
            features.Add(new DriftFeature(DriftSubject.Edge, pair / activityCount, pair % activityCount, -1));
        }

        return edgeOf;
    }

    /// <summary>Block boundaries over the positions: a few blocks per core, each of at least 4,096 cases.</summary>
    private static int[] Blocks(int caseCount)
    {
        var count = Math.Clamp(caseCount / 4096, 1, 4 * Environment.ProcessorCount);
        var blocks = new int[count + 1];
        for (var b = 0; b <= count; b++)
        {
            blocks[b] = (int)((long)caseCount * b / count);
        }

        return blocks;
    }

    /// <summary>
    /// Case indexes ordered by the timestamp of their first event; ties (and empty cases, last) by case index. A key sort
    /// with the cases as items, then every run of equal keys put back in case order (the key sort is not stable).
    /// </summary>
    private static int[] OrderByFirstEvent(EventLog log)
    {
        var n = log.CaseCount;
        var keys = new long[n];
        var order = new int[n];
        var timestamps = log.Timestamps;
        var caseStarts = log.CaseStarts;
        var sorted = true;
        for (var c = 0; c < n; c++)
        {
            var start = caseStarts[c];
            keys[c] = caseStarts[c + 1] > start ? timestamps[start] : long.MaxValue;
            order[c] = c;
            sorted &= c == 0 || keys[c - 1] <= keys[c];
        }

        if (sorted)
        {
            return order;
        }

        Array.Sort(keys, order);
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && keys[j] == keys[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                Array.Sort(order, i, j - i);
            }

            i = j;
        }

        return order;
    }

    /// <summary>Adds the <paramref name="maxVariants"/> most frequent variants (seen in at least two cases) as features.</summary>
    private static int[] VariantFeatures(EventLog log, int maxVariants, List<DriftFeature> features, out int[] variantOfCase)
    {
        if (maxVariants == 0 || log.CaseCount == 0)
        {
            variantOfCase = [];
            return [];
        }

        var all = new bool[log.CaseCount];
        all.AsSpan().Fill(true);
        variantOfCase = VariantIndex.Assign(log, all, out var counts);
        var ranking = VariantIndex.Ranking(counts);
        var featureOfVariant = new int[counts.Count];
        featureOfVariant.AsSpan().Fill(-1);
        var firstCase = new int[counts.Count];
        firstCase.AsSpan().Fill(-1);
        for (var c = 0; c < variantOfCase.Length; c++)
        {
            if (firstCase[variantOfCase[c]] < 0)
            {
                firstCase[variantOfCase[c]] = c;
            }
        }

        for (var r = 0; r < Math.Min(maxVariants, ranking.Length); r++)
        {
            var v = ranking[r];
            if (counts[v] < 2 || counts[v] == log.CaseCount)
            {
                break;
            }

            featureOfVariant[v] = features.Count;
            features.Add(new DriftFeature(DriftSubject.Variant, -1, -1, firstCase[v]));
        }

        return featureOfVariant;
    }
}

/// <summary>What a drift feature is: an activity, a directly-follows relation, or a variant (by an example case).</summary>
internal readonly record struct DriftFeature(DriftSubject Subject, int First, int Second, int ExampleCase);
