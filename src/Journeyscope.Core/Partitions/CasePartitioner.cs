using System.Text;

namespace Journeyscope.Partitions;

/// <summary>The stable partition of a case: FNV-1a (32-bit) of the case id's UTF-8 bytes, modulo the partition count.</summary>
/// <remarks>
/// Stable across processes, machines and .NET versions (unlike <see cref="string.GetHashCode()"/>), so partials computed
/// by different processes for the same partition can be merged. Thread-safe; allocation-free for ids up to 256 UTF-8 bytes.
/// </remarks>
public static class CasePartitioner
{
    /// <summary>The partition count used when none is given: enough to keep a live append to a few partitions' partials.</summary>
    public const int DefaultPartitionCount = 64;

    /// <summary>The largest partition count accepted.</summary>
    public const int MaxPartitionCount = 1 << 16;

    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>The 32-bit FNV-1a hash of the UTF-8 encoding of <paramref name="caseId"/>.</summary>
    public static uint Hash(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var length = Encoding.UTF8.GetMaxByteCount(caseId.Length);
        var rented = length <= 256 ? null : new byte[length];
        Span<byte> bytes = rented ?? stackalloc byte[256];
        var written = Encoding.UTF8.GetBytes(caseId, bytes);
        var hash = OffsetBasis;
        foreach (var b in bytes[..written])
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    /// <summary>The partition (0 to <paramref name="partitionCount"/> - 1) of <paramref name="caseId"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is not between 1 and <see cref="MaxPartitionCount"/>.</exception>
    public static int PartitionOf(string caseId, int partitionCount)
    {
        Validate(partitionCount);
        return (int)(Hash(caseId) % (uint)partitionCount);
    }

    /// <summary>Throws when <paramref name="partitionCount"/> is not between 1 and <see cref="MaxPartitionCount"/>.</summary>
    public static void Validate(int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitionCount, MaxPartitionCount);
    }
}
