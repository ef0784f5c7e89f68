namespace Journeyscope.IO;

/// <summary>
/// A read-only pass-through stream that counts the bytes it passes on; given a <paramref name="budget"/> session, it stops
/// the import once more than <see cref="ImportOptions.MaxDecompressedBytes"/> have been read.
/// </summary>
/// <remarks>
/// Over the raw file it counts progress; placed after decompression with a budget, it stops a compression bomb as soon as
/// its expanded content passes the budget.
/// </remarks>
internal sealed class CountingStream(Stream inner, ImportSession? budget = null) : Stream
{
    private readonly long _limit = budget?.Options.MaxDecompressedBytes ?? long.MaxValue;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
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
        BytesRead += read;
        if (BytesRead > _limit)
        {
            throw budget!.OverBudget(ImportBudget.MaxDecompressedBytes, $"{_limit:N0} bytes of (decompressed) content");
        }

        return read;
    }
}
