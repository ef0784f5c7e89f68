namespace Journeyscope.IO;

/// <summary>
/// The file stream handed to the Parquet library: checks cancellation on every read and stops a reader that keeps
/// reading at the end of the file, the shape a decoding loop takes when corrupt metadata promises more data than exists.
/// </summary>
internal sealed class GuardedStream(Stream inner, CancellationToken token) : Stream
{
    private const int MaxReadsAtEnd = 4096;
    private int _readsAtEnd;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        token.ThrowIfCancellationRequested();
        return Count(buffer.Length, inner.Read(buffer));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        token.ThrowIfCancellationRequested();
        return Count(buffer.Length, await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

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

    private int Count(int asked, int read)
    {
        token.ThrowIfCancellationRequested();
        if (read == 0 && asked > 0 && ++_readsAtEnd > MaxReadsAtEnd)
        {
            throw new InvalidDataException("the Parquet reader keeps reading past the end of the file (corrupt page sizes or value counts)");
        }

        return read;
    }
}
