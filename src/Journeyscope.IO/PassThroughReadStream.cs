namespace Journeyscope.IO;

/// <summary>
/// The shared shape of the importers' read-only wrapper streams: every read goes to <paramref name="inner"/> and the
/// subclass sees each one (to count, to enforce a budget, to stop a runaway reader); writing is not supported and
/// disposing disposes the inner stream.
/// </summary>
internal abstract class PassThroughReadStream(Stream inner) : Stream
{
    /// <summary>The wrapped stream.</summary>
    protected Stream Inner => inner;

    public override bool CanRead => true;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        BeforeRead();
        return AfterRead(buffer.Length, inner.Read(buffer));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        BeforeRead();
        return AfterRead(buffer.Length, await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Called before each read reaches the inner stream.</summary>
    protected virtual void BeforeRead()
    {
    }

    /// <summary>Called after each read with the bytes asked for and read; returns the count handed to the caller.</summary>
    protected abstract int AfterRead(int asked, int read);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
