using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

/// <summary>One distinct activity sequence of a log and the cases that follow it.</summary>
internal sealed record LogVariant(int[] Codes, List<int> Cases);

/// <summary>Groups the cases of a log by activity sequence, most frequent first, ties by first case.</summary>
internal static class LogVariants
{
    public static List<LogVariant> Group(EventLog log, CancellationToken cancellationToken)
    {
        var index = new Dictionary<int[], LogVariant>(SequenceComparer.Instance);
        var order = new List<LogVariant>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            if ((c & 16383) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var codes = log.CaseActivities(c).ToArray();
            if (!index.TryGetValue(codes, out var variant))
            {
                variant = new LogVariant(codes, []);
                index.Add(codes, variant);
                order.Add(variant);
            }

            variant.Cases.Add(c);
        }

        // A stable sort keeps first-case order among equally frequent variants.
        return [.. order.OrderByDescending(v => v.Cases.Count)];
    }

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
