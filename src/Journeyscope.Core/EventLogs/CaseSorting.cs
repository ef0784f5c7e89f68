namespace Journeyscope.EventLogs;

/// <summary>Stable sorting of each case's events by timestamp.</summary>
internal static class CaseSorting
{
    private const int InsertionSortLimit = 24;

    /// <summary>
    /// Reorders <paramref name="order"/> (event rows grouped by case, ascending within a case) so that each case's
    /// rows are sorted by <paramref name="keys"/>, ties kept in row order. Returns whether anything moved.
    /// </summary>
    public static bool SortWithinCases(ReadOnlySpan<long> keys, ReadOnlySpan<int> caseStarts, Span<int> order)
    {
        var moved = false;
        var scratch = Array.Empty<(long Key, int Row)>();
        for (var c = 0; c + 1 < caseStarts.Length; c++)
        {
            var segment = order[caseStarts[c]..caseStarts[c + 1]];
            if (IsSorted(keys, segment))
            {
                continue;
            }

            moved = true;
            if (segment.Length <= InsertionSortLimit)
            {
                InsertionSort(keys, segment);
                continue;
            }

            if (scratch.Length < segment.Length)
            {
                scratch = new (long, int)[Math.Max(segment.Length, scratch.Length * 2)];
            }

            var pairs = scratch.AsSpan(0, segment.Length);
            for (var i = 0; i < segment.Length; i++)
            {
                pairs[i] = (keys[segment[i]], segment[i]);
            }

            // (key, row) is unique, so an unstable sort on the pair is stable on the key.
            pairs.Sort();
            for (var i = 0; i < segment.Length; i++)
            {
                segment[i] = pairs[i].Row;
            }
        }

        return moved;
    }

    private static bool IsSorted(ReadOnlySpan<long> keys, ReadOnlySpan<int> segment)
    {
        for (var i = 1; i < segment.Length; i++)
        {
            if (keys[segment[i]] < keys[segment[i - 1]])
            {
                return false;
            }
        }

        return true;
    }

    private static void InsertionSort(ReadOnlySpan<long> keys, Span<int> segment)
    {
        for (var i = 1; i < segment.Length; i++)
        {
            var row = segment[i];
            var key = keys[row];
            var j = i - 1;
            while (j >= 0 && keys[segment[j]] > key)
            {
                segment[j + 1] = segment[j];
                j--;
            }

            segment[j + 1] = row;
        }
    }
}
