namespace Journeyscope.IO;

/// <summary>
/// Streams RFC 4180 records from a <see cref="TextReader"/>: quoted fields may hold delimiters, doubled quotes and
/// line breaks (LF, CRLF or CR). Fields are exposed as spans into a reused buffer; nothing else is kept.
/// </summary>
/// <remarks>
/// A record longer than the limit is skipped to its end without being stored and reported as too long, so a
/// 10 MB line costs no more memory than the limit. Line numbers are 1-based and count every line break, including
/// those inside quoted fields.
/// </remarks>
internal sealed class CsvRecordReader
{
    private const int BufferSize = 64 * 1024;
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly char _quote;
    private readonly int _maxRecordLength;
    private readonly char[] _buffer = new char[BufferSize];
    private int _bufferPos;
    private int _bufferLen;
    private bool _eof;
    private char[] _record = new char[256];
    private int _recordLength;
    private int[] _fieldEnds = new int[16];
    private bool[] _fieldQuoted = new bool[16];
    private long _line = 1;
    private bool _pendingQuoted;

    public CsvRecordReader(TextReader reader, char delimiter, char quote, int maxRecordLength)
    {
        _reader = reader;
        _delimiter = delimiter;
        _quote = quote;
        _maxRecordLength = maxRecordLength;
    }

    /// <summary>Number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The line the current record starts on.</summary>
    public long StartLine { get; private set; }

    /// <summary>Why the current record is unusable (too long, unterminated quote), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Characters consumed so far (for progress when byte counts are not available).</summary>
    public long CharsRead { get; private set; }

    /// <summary>The field at <paramref name="index"/> of the current record, quotes removed.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : _fieldEnds[index - 1];
            return _record.AsSpan(start, _fieldEnds[index] - start);
        }
    }

    /// <summary>Whether the field was quoted in the file.</summary>
    public bool IsQuoted(int index) => _fieldQuoted[index];

    /// <summary>The current record as text, fields joined by the delimiter (for quarantine).</summary>
    public string RawText()
    {
        if (Error is not null && _recordLength == 0)
        {
            return string.Empty;
        }

        var parts = new string[FieldCount];
        for (var i = 0; i < FieldCount; i++)
        {
            parts[i] = this[i].ToString();
        }

        return string.Join(_delimiter, parts);
    }

    /// <summary>Reads the next record; false at the end. Blank lines are skipped.</summary>
    public bool Read()
    {
        while (true)
        {
            var result = ReadOne();
            if (result != ReadResult.Blank)
            {
                return result == ReadResult.Record;
            }
        }
    }

    private ReadResult ReadOne()
    {
        FieldCount = 0;
        _recordLength = 0;
        Error = null;
        StartLine = _line;
        var tooLong = false;
        var inQuotes = false;
        var fieldStart = true;
        var any = false;
        while (true)
        {
            if (_bufferPos == _bufferLen && !Fill())
            {
                if (!any)
                {
                    return ReadResult.End;
                }

                if (inQuotes)
                {
                    Error = $"a quoted field starting on line {StartLine} is not closed before the end of the file";
                }

                EndField();
                return ReadResult.Record;
            }

            var c = _buffer[_bufferPos++];
            CharsRead++;
            any = true;
            if (inQuotes)
            {
                if (c == _quote)
                {
                    if (Peek() == _quote)
                    {
                        _bufferPos++;
                        CharsRead++;
                        Append(c, ref tooLong);
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && Peek() != '\n'))
                    {
                        _line++;
                    }

                    Append(c, ref tooLong);
                }

                continue;
            }

            if (c == _delimiter)
            {
                EndField();
                fieldStart = true;
                continue;
            }

            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && Peek() == '\n')
                {
                    _bufferPos++;
                    CharsRead++;
                }

                _line++;
                if (FieldCount == 0 && _recordLength == 0 && fieldStart && !_pendingQuoted)
                {
                    return ReadResult.Blank;
                }

                EndField();
                return ReadResult.Record;
            }

            if (c == _quote && fieldStart)
            {
                inQuotes = true;
                _pendingQuoted = true;
                fieldStart = false;
                continue;
            }

            fieldStart = false;
            Append(c, ref tooLong);
        }

        void Append(char ch, ref bool tooLongFlag)
        {
            if (tooLongFlag)
            {
                return;
            }

            if (_recordLength == _maxRecordLength)
            {
                tooLongFlag = true;
                Error = $"the record is longer than the limit of {_maxRecordLength:N0} characters (ImportOptions.MaxRecordLength)";
                return;
            }

            if (_recordLength == _record.Length)
            {
                Array.Resize(ref _record, (int)Math.Min((long)_record.Length * 2, Math.Max(_maxRecordLength, 16)));
            }

            _record[_recordLength++] = ch;
        }
    }

    private void EndField()
    {
        if (FieldCount == _fieldEnds.Length)
        {
            Array.Resize(ref _fieldEnds, FieldCount * 2);
            Array.Resize(ref _fieldQuoted, FieldCount * 2);
        }

        _fieldEnds[FieldCount] = _recordLength;
        _fieldQuoted[FieldCount] = _pendingQuoted;
        _pendingQuoted = false;
        FieldCount++;
    }

    private int Peek()
    {
        if (_bufferPos == _bufferLen && !Fill())
        {
            return -1;
        }

        return _buffer[_bufferPos];
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        _bufferLen = _reader.Read(_buffer, 0, _buffer.Length);
        _bufferPos = 0;
        if (_bufferLen == 0)
        {
            _eof = true;
            return false;
        }

        return true;
    }

    private enum ReadResult
    {
        Record,
        Blank,
        End,
    }
}
