namespace Journeyscope.IO;

/// <summary>Splits a UTF-8 stream into lines (LF or CRLF) without decoding, holding at most one line of bounded length.</summary>
internal sealed class Utf8LineReader
{
    private readonly Stream _stream;
    private readonly int _maxLength;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;
    private long _consumed;

    public Utf8LineReader(Stream stream, int maxLength)
    {
        _stream = stream;
        _maxLength = maxLength;
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset of the line last returned.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Whether the line last returned was longer than the limit (its content is then empty).</summary>
    public bool TooLong { get; private set; }

    /// <summary>Reads the next line; false at the end.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        line = default;
        TooLong = false;
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _start + scanned + newline;
                line = Take(lineEnd, lineEnd + 1);
                return true;
            }

            scanned = _end - _start;
            if (scanned > _maxLength)
            {
                // Too long: drop what we have and skip to the next newline without storing it.
                TooLong = true;
                LineNumber++;
                LineOffset = _consumed;
                SkipToNewline();
                return true;
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    return false;
                }

                line = Take(_end, _end);
                return true;
            }

            Fill();
        }
    }

    private ReadOnlySpan<byte> Take(int lineEnd, int next)
    {
        var span = _buffer.AsSpan(_start, lineEnd - _start);
        LineNumber++;
        LineOffset = _consumed;
        _consumed += next - _start;
        _start = next;
        if (span.Length > 0 && span[^1] == (byte)'\r')
        {
            span = span[..^1];
        }

        if (_first)
        {
            _first = false;
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }
        }

        if (span.Length > _maxLength)
        {
            TooLong = true;
            return default;
        }

        return span;
    }

    private void SkipToNewline()
    {
        _consumed += _end - _start;
        _start = _end = 0;
        while (!_eof)
        {
            var read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            var newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _consumed += newline + 1;
                _start = newline + 1;
                _end = read;
                return;
            }

            _consumed += read;
        }
    }

    /// <summary>Reads more bytes, compacting or growing the buffer; sets the end flag when the stream has ended.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, Array.MaxLength));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return;
        }

        _end += read;
    }
}
