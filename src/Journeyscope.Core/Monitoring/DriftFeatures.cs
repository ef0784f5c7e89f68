using System.Runtime.InteropServices;
using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Monitoring;

/// <summary>
/// The binary features of each case, cases ordered by their first event: activities present, directly-follows
/// relations present and (for the most frequent variants) the variant. Stored as one compressed row per case.
/// </summary>
/// <remarks>Built in one pass over the events: O(events) time, O(cases x distinct features per case) memory.</remarks>
internal sealed class DriftFeatures
{
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

    public static DriftFeatures Build(EventLog log, int maxVariants, CancellationToken cancellationToken)
    {
        var n = log.CaseCount;
        var order = OrderByFirstEvent(log);
        var activityCount = log.ActivityCount;
        var features = new List<DriftFeature>(activityCount * 4);
        for (var a = 0; a < activityCount; a++)
        {
            features.Add(new DriftFeature(DriftSubject.Activity, a, -1, -1));
        }

        var variantFeature = VariantFeatures(log, maxVariants, features, out var variantOfCase);
        var dense = (long)activityCount * activityCount <= DenseEdgeLimit ? new int[activityCount * activityCount] : null;
        dense?.AsSpan().Fill(-1);
        var sparse = dense is null ? new Dictionary<long, int>() : null;
        var starts = new int[n + 1];
        var ids = new int[Math.Max(16, log.EventCount + (log.EventCount / 2) + n)];
        var seenAt = new int[Math.Max(16, features.Count * 4)];
        seenAt.AsSpan().Fill(-1);
        var count = 0;
        for (var p = 0; p < n; p++)
        {
            if ((p & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var c = order[p];
            var acts = log.CaseActivities(c);
            starts[p] = count;
            var previous = -1;
            foreach (var a in acts)
            {
                Add(a, p);
                if (previous >= 0)
                {
                    int edge;
                    if (dense is not null)
                    {
                        ref var slot = ref dense[(previous * activityCount) + a];
                        if (slot < 0)
                        {
                            slot = features.Count;
                            features.Add(new DriftFeature(DriftSubject.Edge, previous, a, -1));
                        }

                        edge = slot;
                    }
                    else
                    {
                        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(sparse!, ((long)previous * activityCount) + a, out var exists);
                        if (!exists)
                        {
                            slot = features.Count;
                            features.Add(new DriftFeature(DriftSubject.Edge, previous, a, -1));
                        }

                        edge = slot;
                    }

                    Add(edge, p);
                }

                previous = a;
            }

            if (variantOfCase.Length > 0 && variantFeature[variantOfCase[c]] is var v and >= 0)
            {
                Add(v, p);
            }
        }

        starts[n] = count;
        Array.Resize(ref ids, count);
        return new DriftFeatures(order, starts, ids, [.. features]);

        void Add(int feature, int position)
        {
            if (feature >= seenAt.Length)
            {
                var old = seenAt.Length;
                Array.Resize(ref seenAt, Math.Max(feature + 1, old * 2));
                seenAt.AsSpan(old).Fill(-1);
            }

            if (seenAt[feature] == position)
            {
                return;
            }

            seenAt[feature] = position;
            if (count == ids.Length)
            {
                Array.Resize(ref ids, ids.Length * 2);
            }

            ids[count++] = feature;
        }
    }

    /// <summary>Case indexes ordered by the timestamp of their first event; ties (and empty cases, last) by case index.</summary>
    private static int[] OrderByFirstEvent(EventLog log)
    {
        var n = log.CaseCount;
        var keys = new (long Ticks, int Case)[n];
        var timestamps = log.Timestamps;
        var caseStarts = log.CaseStarts;
        for (var c = 0; c < n; c++)
        {
            var start = caseStarts[c];
            keys[c] = (caseStarts[c + 1] > start ? timestamps[start] : long.MaxValue, c);
        }

        var sorted = true;
        for (var c = 1; c < n && sorted; c++)
        {
            sorted = keys[c - 1].CompareTo(keys[c]) <= 0;
        }

        if (!sorted)
        {
            Array.Sort(keys);
        }

        var order = new int[n];
        for (var p = 0; p < n; p++)
        {
            order[p] = keys[p].Case;
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
