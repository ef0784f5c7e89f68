using Journeyscope.Partitions;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class CasePartitionerTests
{
    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void Hash_KnownVectors_MatchFnv1a32(string id, uint expected)
    {
        // Given the published FNV-1a 32-bit test vectors, when hashed, then the values match (stable across processes)
        CasePartitioner.Hash(id).ShouldBe(expected);
    }

    [Fact]
    public void Hash_NonAscii_HashesUtf8Bytes()
    {
        // Given an id with a non-ASCII letter and a long id (beyond the stack buffer)
        var ids = new[] { "Kunde ü", new string('é', 300) };

        foreach (var id in ids)
        {
            // When hashed, then it equals FNV-1a over the UTF-8 bytes computed independently
            var expected = 2166136261u;
            foreach (var b in System.Text.Encoding.UTF8.GetBytes(id))
            {
                expected = (expected ^ b) * 16777619u;
            }

            CasePartitioner.Hash(id).ShouldBe(expected);
        }
    }

    [Fact]
    public void PartitionOf_ManyIds_SpreadsOverAllPartitions()
    {
        // Given 64,000 customer ids
        var counts = new int[64];
        for (var i = 0; i < 64_000; i++)
        {
            counts[CasePartitioner.PartitionOf($"customer-{i}", 64)]++;
        }

        // Then every partition gets roughly its share (1,000 each; a bad hash would leave some empty)
        counts.Min().ShouldBeGreaterThan(800);
        counts.Max().ShouldBeLessThan(1_200);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CasePartitioner.MaxPartitionCount + 1)]
    public void PartitionOf_CountOutOfRange_Throws(int count) =>
        Should.Throw<ArgumentOutOfRangeException>(() => CasePartitioner.PartitionOf("x", count));
}
