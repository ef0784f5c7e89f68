namespace Journeyscope.Conformance;

/// <summary>Structural equality of token-count arrays, so markings key hash sets and caches without building strings.</summary>
internal sealed class MarkingComparer : IEqualityComparer<int[]>
{
    /// <summary>The shared instance.</summary>
    public static MarkingComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
