using System.Runtime.InteropServices;
using Journeyscope.EventLogs;

namespace Journeyscope.Monitoring;

/// <summary>
/// The reference way of building the features: one sequential pass over the cases in position order, edge ids
/// assigned as edges are first met. Kept for <see cref="DriftOptions.ReferenceFeatures"/>, the benchmark's baseline
/// and the tests that check the parallel build gives the same features; also the fallback for logs with more than
/// <see cref="FastActivityLimit"/> activities.
/// </summary>
internal sealed partial class DriftFeatures
{
    /// <summary>Builds the features sequentially (the reference for <see cref="Build"/>, which must give the same ids and rows).</summary>
    public static DriftFeatures BuildReference(EventLog log, int maxVariants, CancellationToken cancellationToken)
    {
        var n = log.CaseCount;
        var order = OrderByFirstEventReference(log);
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

    /// <summary>Case indexes ordered by the timestamp of their first event (a tuple sort); ties (and empty cases, last) by case index.</summary>
    private static int[] OrderByFirstEventReference(EventLog log)
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

}
