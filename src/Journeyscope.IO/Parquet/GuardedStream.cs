namespace Journeyscope.IO;

/// <summary>
/// The file stream handed to the Parquet library: checks cancellation on every read and stops a reader that keeps
/// reading at the end of the file, the shape a decoding loop takes when corrupt metadata promises more data than exists.
/// </summary>
internal sealed class GuardedStream(Stream inner, CancellationToken token) : PassThroughReadStream(inner)
{
    private const int MaxReadsAtEnd = 4096;
    private int _readsAtEnd;

    public override bool CanSeek => Inner.CanSeek;

    public override long Position
    {
        get => Inner.Position;
        set => Inner.Position = value;
    }

    public override long Seek(long offset, SeekOrigin origin) => Inner.Seek(offset, origin);

    protected override void BeforeRead() => token.ThrowIfCancellationRequested();

    protected override int AfterRead(int asked, int read)
    {
        token.ThrowIfCancellationRequested();
        if (read == 0 && asked > 0 && ++_readsAtEnd > MaxReadsAtEnd)
        {
            throw new InvalidDataException("the Parquet reader keeps reading past the end of the file (corrupt page sizes or value counts)");
        }

        return read;
    }
}
