namespace Journeyscope.IO;

/// <summary>A read-only pass-through stream that stops the import once more than <see cref="ImportOptions.MaxDecompressedBytes"/> have been read.</summary>
/// <remarks>Placed after decompression, so a compression bomb stops as soon as its expanded text passes the budget.</remarks>
internal sealed class BudgetStream(Stream inner, ImportSession session) : Stream
{
    private readonly long _limit = session.Options.MaxDecompressedBytes;
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > _limit)
        {
            throw session.OverBudget($"{_limit:N0} bytes of (decompressed) content", "--max-bytes");
        }

        return read;
    }
}
