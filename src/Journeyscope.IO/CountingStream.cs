namespace Journeyscope.IO;

/// <summary>
/// A read-only pass-through stream that counts the bytes it passes on; given a <paramref name="budget"/> session, it stops
/// the import once more than <see cref="ImportOptions.MaxDecompressedBytes"/> have been read.
/// </summary>
/// <remarks>
/// Over the raw file it counts progress; placed after decompression with a budget, it stops a compression bomb as soon as
/// its expanded content passes the budget.
/// </remarks>
internal sealed class CountingStream(Stream inner, ImportSession? budget = null) : PassThroughReadStream(inner)
{
    private readonly long _limit = budget?.Options.MaxDecompressedBytes ?? long.MaxValue;

    public long BytesRead { get; private set; }

    public override bool CanSeek => false;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    protected override int AfterRead(int asked, int read)
    {
        BytesRead += read;
        if (BytesRead > _limit)
        {
            throw budget!.OverBudget(ImportBudget.MaxDecompressedBytes, $"{_limit:N0} bytes of (decompressed) content");
        }

        return read;
    }
}
