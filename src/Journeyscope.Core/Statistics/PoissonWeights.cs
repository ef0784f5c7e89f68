using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Journeyscope.Statistics;

/// <summary>
/// The weights of the seeded case-level Poisson bootstrap: in replicate <c>r</c>, a case counts <c>Poisson(1)</c> times,
/// drawn from a hash of (seed, case key, replicate).
/// </summary>
/// <remarks>
/// Because a case's weight depends only on its own key, not on the order in which cases are seen or on how they are split
/// into chunks or partitions, partial sums per chunk merge by addition and give exactly the sums of one pass over all
/// cases (the property that makes the bootstrap mergeable). For large samples the Poisson bootstrap behaves like the
/// classic multinomial one (Hanley and MacGibbon 2006; Chamandy et al. 2012). Thread-safe: pure functions.
/// </remarks>
public static class PoissonWeights
{
    // Cumulative Poisson(1) probabilities for k = 0..11, scaled to 2^53; beyond 11 the tail is below 1e-9.
    private static readonly ulong[] Cumulative = BuildCumulative();

    /// <summary>A stable 64-bit key of a case id (FNV-1a over its UTF-8 bytes), the same on every machine and run.</summary>
    public static ulong CaseKey(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var hash = 14695981039346656037UL;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in caseId.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ buffer[i]) * 1099511628211UL;
            }
        }

        return hash;
    }

    /// <summary>The weight (0, 1, 2, ...) of the case with <paramref name="caseKey"/> in replicate <paramref name="replicate"/>.</summary>
    public static int Weight(ulong caseKey, int replicate, int seed)
    {
        var bits = Mix(caseKey ^ Mix(((ulong)(uint)seed << 32) | (uint)replicate)) >> 11;
        var k = 0;
        while (k < Cumulative.Length && bits >= Cumulative[k])
        {
            k++;
        }

        return k;
    }

    /// <summary>Writes the weights of one case for replicates 0..<c>weights.Length</c>−1.</summary>
    public static void Fill(ulong caseKey, int seed, Span<byte> weights)
    {
        for (var r = 0; r < weights.Length; r++)
        {
            weights[r] = (byte)Weight(caseKey, r, seed);
        }
    }

    /// <summary>Writes the weights of one case in replicates 1..<c>weights.Length</c> (entry i = replicate i + 1).</summary>
    public static void Row(ulong caseKey, int seed, Span<byte> weights)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (byte)Weight(caseKey, i + 1, seed);
        }
    }

    /// <summary>
    /// The weights of many cases in replicates 1..<paramref name="replicates"/>: row <c>c</c> (length
    /// <paramref name="replicates"/>) holds case <c>c</c>'s weights, as <see cref="BootstrapPartial.Add(ReadOnlySpan{byte}, int, double, double)"/> reads them.
    /// </summary>
    public static byte[] Matrix(ReadOnlySpan<ulong> caseKeys, int replicates, int seed)
    {
        var matrix = new byte[caseKeys.Length * replicates];
        for (var c = 0; c < caseKeys.Length; c++)
        {
            Row(caseKeys[c], seed, matrix.AsSpan(c * replicates, replicates));
        }

        return matrix;
    }

    /// <summary>
    /// The weights of many cases in replicates 0..<paramref name="replicates"/>: row <c>c</c> (length <paramref name="replicates"/> + 1)
    /// starts with 1 (the observed sample, replicate 0) followed by case <c>c</c>'s weights in replicates 1..R, the same values as
    /// <see cref="Weight"/>. Drawn in parallel over fixed chunks of cases (the result does not depend on the chunking).
    /// </summary>
    public static byte[] Table(ReadOnlySpan<ulong> caseKeys, int replicates, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicates);
        var width = replicates + 1;
        var table = new byte[caseKeys.Length * width];
        var replicateMix = new ulong[width];
        for (var r = 0; r < width; r++)
        {
            replicateMix[r] = Mix(((ulong)(uint)seed << 32) | (uint)r);
        }

        var keys = caseKeys.ToArray();
        const int Chunk = 4096;
        Parallel.For(0, (keys.Length + Chunk - 1) / Chunk, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            for (int c = chunk * Chunk, end = Math.Min(keys.Length, c + Chunk); c < end; c++)
            {
                var row = table.AsSpan(c * width, width);
                row[0] = 1;
                var r = 1;
                if (Avx512DQ.IsSupported)
                {
                    r = DrawVectorised(keys[c], replicateMix, row);
                }

                for (; r < width; r++)
                {
                    row[r] = Draw(Mix(keys[c] ^ replicateMix[r]) >> 11);
                }
            }
        });
        return table;
    }

    /// <summary>
    /// The weight of 53 random bits: how many cumulative probabilities they reach. The four most likely weights (0..3, 98 % of
    /// the draws) without a branch, the rest by the loop <see cref="Weight"/> uses; the same value.
    /// </summary>
    private static byte Draw(ulong bits)
    {
        var k = (bits >= Cumulative[0] ? 1 : 0) + (bits >= Cumulative[1] ? 1 : 0) + (bits >= Cumulative[2] ? 1 : 0) + (bits >= Cumulative[3] ? 1 : 0);
        if (k == 4)
        {
            while (k < Cumulative.Length && bits >= Cumulative[k])
            {
                k++;
            }
        }

        return (byte)k;
    }

    /// <summary>
    /// Writes row[1..] eight replicates at a time (AVX-512: 64-bit multiplies, and a weight is the count of the cumulative
    /// probabilities its bits reach, since they only grow); returns the first replicate not written.
    /// </summary>
    private static int DrawVectorised(ulong key, ulong[] replicateMix, Span<byte> row)
    {
        var keyVector = Vector512.Create(key);
        Span<Vector512<ulong>> cumulative = stackalloc Vector512<ulong>[Cumulative.Length];
        for (var k = 0; k < cumulative.Length; k++)
        {
            cumulative[k] = Vector512.Create(Cumulative[k]);
        }

        var r = 1;
        for (; r + 8 <= row.Length; r += 8)
        {
            var z = keyVector ^ Vector512.Create<ulong>(replicateMix.AsSpan(r, 8));
            z += Vector512.Create(0x9E3779B97F4A7C15UL);
            z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
            z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
            var bits = Vector512.ShiftRightLogical(z ^ Vector512.ShiftRightLogical(z, 31), 11);
            var count = Vector512<ulong>.Zero;
            foreach (var c in cumulative)
            {
                count -= Vector512.GreaterThanOrEqual(bits, c);
            }

            var bytes = Avx512F.ConvertToVector128Byte(count).AsUInt64().ToScalar();
            BinaryPrimitives.WriteUInt64LittleEndian(row.Slice(r, 8), bytes);
        }

        return r;
    }

    /// <summary>The stable keys of every case id of a list.</summary>
    public static ulong[] CaseKeys(IReadOnlyList<string> caseIds)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var keys = new ulong[caseIds.Count];
        for (var c = 0; c < keys.Length; c++)
        {
            keys[c] = CaseKey(caseIds[c]);
        }

        return keys;
    }

    /// <summary>SplitMix64's finaliser: a bijective mix of 64 bits.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] BuildCumulative()
    {
        var cumulative = new ulong[12];
        double probability = Math.Exp(-1), sum = 0;
        for (var k = 0; k < cumulative.Length; k++)
        {
            sum += probability;
            cumulative[k] = (ulong)(Math.Min(sum, 1) * (1UL << 53));
            probability /= k + 1;
        }

        return cumulative;
    }
}
