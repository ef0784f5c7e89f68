using Journeyscope.Discovery;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class GrowBufferTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Add_BeyondCapacity_KeepsEveryItemInOrder(bool pooled)
    {
        // Given a buffer of two items, pooled or not
        var buffer = new GrowBuffer<long>(2, pooled);

        // When more items than its capacity are added, in single items and in ranges
        for (var i = 0; i < 100; i++)
        {
            buffer.Add(i);
        }

        buffer.AddRange([100, 101, 102]);
        buffer.Append(3).Fill(7);

        // Then every item is there, in order
        buffer.Count.ShouldBe(106);
        buffer.Span[..103].ToArray().ShouldBe(Enumerable.Range(0, 103).Select(static i => (long)i).ToArray());
        buffer.Span[103..].ToArray().ShouldBe([7L, 7L, 7L]);
    }

    [Fact]
    public void TruncateAndRelease_PooledBuffer_EmptyItButLeaveItUsable()
    {
        // Given a pooled buffer with five items
        var buffer = new GrowBuffer<int>(5, pooled: true);
        buffer.Append(5).Fill(1);

        // When it is truncated, then released, then used again
        buffer.Truncate(2);
        var truncated = buffer.Count;
        buffer.Release();
        var released = buffer.Count;
        buffer.Add(9);

        // Then it kept two items, then none, then the new one
        truncated.ShouldBe(2);
        released.ShouldBe(0);
        buffer.Span.ToArray().ShouldBe([9]);
    }
}
