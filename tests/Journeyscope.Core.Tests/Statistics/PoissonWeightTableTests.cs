using Journeyscope.Statistics;

namespace Journeyscope.Core.Tests.Statistics;

/// <summary>The weight table's fast draw (eight at a time with AVX-512, else branchless) against the one-weight definition.</summary>
public sealed class PoissonWeightTableTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 1)]
    [InlineData(42, 8)]
    [InlineData(-3, 1000)]
    [InlineData(2024, 13)]
    public void Table_Seeds_EqualsWeightOfEveryCaseAndReplicate(int seed, int replicates)
    {
        // Given case keys from ids and from a random generator (high bits set), and widths with and without a tail of eight
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? PoissonWeights.CaseKey($"case-{seed}-{i}") : (ulong)random.NextInt64() << 1 | (uint)(i & 1))
            .ToArray();

        // When the table is drawn
        var table = PoissonWeights.Table(keys, replicates, seed, TestContext.Current.CancellationToken);

        // Then every entry is the weight the definition gives (replicate 0 is the observed sample), and large weights occur
        table.Length.ShouldBe(keys.Length * (replicates + 1));
        var mismatches = 0;
        for (var c = 0; c < keys.Length; c++)
        {
            table[c * (replicates + 1)].ShouldBe((byte)1);
            for (var r = 1; r <= replicates; r++)
            {
                mismatches += table[(c * (replicates + 1)) + r] == PoissonWeights.Weight(keys[c], r, seed) ? 0 : 1;
            }
        }

        mismatches.ShouldBe(0);
        if (replicates == 1000)
        {
            table.Max().ShouldBeGreaterThanOrEqualTo((byte)5);
        }
    }
}
