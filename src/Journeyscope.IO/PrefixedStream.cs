namespace Journeyscope.IO;

/// <summary>Replays bytes already read for sniffing (magic bytes, encodings), then continues with the rest of the stream.</summary>
/// <remarks>Lets importers sniff streams that cannot seek. Disposing it disposes the rest of the stream.</remarks>
internal sealed class PrefixedStream(byte[] prefix, int start, int length, Stream rest) : Stream
{
    private int _position = start;

    /// <summary>Reads up to <paramref name="count"/> bytes from the start of <paramref name="stream"/> and wraps it so they are read again.</summary>
    public static PrefixedStream Peek(Stream stream, int count, out ReadOnlySpan<byte> head)
    {
        var buffer = new byte[count];
        var filled = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        head = buffer.AsSpan(0, filled);
        return new PrefixedStream(buffer, 0, filled, stream);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < length)
        {
            var n = Math.Min(buffer.Length, length - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return rest.Read(buffer);
    }

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
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
