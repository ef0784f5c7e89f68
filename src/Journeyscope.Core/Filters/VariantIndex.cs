using System.Runtime.InteropServices;
using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Assigns each case a variant id: cases share an id when their activity sequences are equal.</summary>
/// <remarks>
/// Ids are numbered by first appearance among the cases considered. Kept local to the filters so they do not depend
/// on discovery; the definition is the standard one (the exact sequence of activities).
/// </remarks>
internal static class VariantIndex
{
    /// <summary>Variant id of each case in <paramref name="considered"/> (others get -1), and the case count of each variant.</summary>
    public static int[] Assign(EventLog log, ReadOnlySpan<bool> considered, out List<int> counts)
    {
        var hashes = new int[log.CaseCount];
        var mask = considered.ToArray();
        const int chunkCases = 4096;
        Parallel.For(0, (hashes.Length + chunkCases - 1) / chunkCases, chunk =>
        {
            var to = Math.Min(hashes.Length, (chunk + 1) * chunkCases);
            for (var c = chunk * chunkCases; c < to; c++)
            {
                hashes[c] = mask[c] ? Hash(log.CaseActivities(c)) : 0;
            }
        });

        var ids = new int[log.CaseCount];
        var byRepresentative = new Dictionary<int, int>(new SequenceComparer(log, hashes));
        counts = [];
        for (var c = 0; c < ids.Length; c++)
        {
            if (!considered[c])
            {
                ids[c] = -1;
                continue;
            }

            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(byRepresentative, c, out var exists);
            if (!exists)
            {
                id = counts.Count;
                counts.Add(0);
            }

            ids[c] = id;
            counts[id]++;
        }

        return ids;
    }

    /// <summary>Variant ids ordered by case count descending, ties by first appearance.</summary>
    public static int[] Ranking(List<int> counts)
    {
        var order = new int[counts.Count];
        var keys = new long[counts.Count];
        for (var v = 0; v < order.Length; v++)
        {
            order[v] = v;

            // Descending count, then ascending id: one sortable key.
            keys[v] = ((long)(int.MaxValue - counts[v]) << 32) | (uint)v;
        }

        Array.Sort(keys, order);
        return order;
    }

    private static int Hash(ReadOnlySpan<int> activities)
    {
        var hash = new HashCode();
        hash.Add(activities.Length);
        foreach (var a in activities)
        {
            hash.Add(a);
        }

        return hash.ToHashCode();
    }

    private sealed class SequenceComparer(EventLog log, int[] hashes) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) =>
            hashes[x] == hashes[y] && log.CaseActivities(x).SequenceEqual(log.CaseActivities(y));

        public int GetHashCode(int obj) => hashes[obj];
    }
}
