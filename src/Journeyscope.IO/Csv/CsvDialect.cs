using System.Text;

namespace Journeyscope.IO;

/// <summary>The dialect of a CSV file sniffed from its first 64 KiB, plus those bytes for replay and the sample records.</summary>
internal sealed class CsvDialect
{
    public const int SampleBytes = 64 * 1024;
    private const int MaxSampleRecords = 1000;
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    private CsvDialect(Encoding encoding, bool hasBom, int skip, byte[] prefix, int prefixLength)
    {
        Encoding = encoding;
        HasByteOrderMark = hasBom;
        Skip = skip;
        Prefix = prefix;
        PrefixLength = prefixLength;
    }

    public Encoding Encoding { get; }

    public bool HasByteOrderMark { get; }

    public int Skip { get; }

    public byte[] Prefix { get; }

    public int PrefixLength { get; }

    public char Delimiter { get; private set; }

    public string LineEnding { get; private set; } = "none";

    /// <summary>Records of the sample (header included when there is one); the last, possibly cut, record is dropped.</summary>
    public List<string[]> SampleRecords { get; } = [];

    public static CsvDialect Sniff(Stream stream, CsvImportOptions csv, ImportSession session)
    {
        var prefix = new byte[SampleBytes];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = stream.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += read;
        }

        if (length == 0)
        {
            throw session.Fatal(0, 0, null, "the file is empty");
        }

        var complete = length < prefix.Length;
        var (encoding, hasBom, skip) = DetectEncoding(prefix.AsSpan(0, length), csv.Encoding, complete);
        var dialect = new CsvDialect(encoding, hasBom, skip, prefix, length);

        string text;
        try
        {
            var decoder = encoding.GetDecoder();
            var chars = new char[encoding.GetMaxCharCount(length)];
            var n = decoder.GetChars(prefix, skip, length - skip, chars, 0, complete);
            text = new string(chars, 0, n);
        }
        catch (DecoderFallbackException ex)
        {
            throw session.Fatal(0, skip + Math.Max(ex.Index, 0), null, $"the bytes are not valid {encoding.WebName}; use --encoding latin1 (or windows-1252)", ex);
        }

        if (text.AsSpan().Trim().IsEmpty)
        {
            throw session.Fatal(0, 0, null, "the file is empty (no records)");
        }

        dialect.Delimiter = csv.Delimiter ?? DetectDelimiter(text, csv.Quote);
        dialect.LineEnding = DetectLineEnding(text, csv.Quote);
        var reader = new CsvRecordReader(new StringReader(text), dialect.Delimiter, csv.Quote, int.MaxValue);
        while (dialect.SampleRecords.Count <= MaxSampleRecords && reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader[i].ToString();
            }

            dialect.SampleRecords.Add(fields);
        }

        if (!complete && dialect.SampleRecords.Count > 1 && !reader.Read())
        {
            // The sample stopped inside the last record: it may be cut.
            dialect.SampleRecords.RemoveAt(dialect.SampleRecords.Count - 1);
        }

        return dialect;
    }

    /// <summary>The reader for the whole file: the sniffed bytes replayed, then the rest of the stream.</summary>
    public TextReader OpenReader(Stream rest) =>
        new StreamReader(new PrefixedStream(Prefix, Skip, PrefixLength, rest), Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);

    private static (Encoding Encoding, bool HasBom, int Skip) DetectEncoding(ReadOnlySpan<byte> bytes, Encoding? given, bool complete)
    {
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? (Encoding)new UTF8Encoding(false, true)
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? new UnicodeEncoding(false, false, true)
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? new UnicodeEncoding(true, false, true)
            : null;
        var bomLength = bom is null ? 0 : bom is UTF8Encoding ? 3 : 2;
        if (given is not null)
        {
            var skip = bom is not null && string.Equals(bom.WebName, given.WebName, StringComparison.OrdinalIgnoreCase) ? bomLength : 0;
            var strict = given is UTF8Encoding ? new UTF8Encoding(false, true) : given;
            return (strict, skip > 0, skip);
        }

        if (bom is not null)
        {
            return (bom, true, bomLength);
        }

        var utf8 = new UTF8Encoding(false, true);
        try
        {
            var decoder = utf8.GetDecoder();
            var scratch = new char[utf8.GetMaxCharCount(bytes.Length)];
            decoder.GetChars(bytes, scratch, complete);
            return (utf8, false, 0);
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252(), false, 0);
        }
    }

    /// <summary>Windows-1252 (a superset of Latin-1's printable range), or Latin-1 when code pages are unavailable.</summary>
    internal static Encoding Windows1252()
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
        catch (NotSupportedException)
        {
            return Encoding.Latin1;
        }
    }

    private static char DetectDelimiter(string text, char quote)
    {
        var best = ',';
        var bestScore = -1L;
        foreach (var candidate in Candidates)
        {
            var reader = new CsvRecordReader(new StringReader(text), candidate, quote, int.MaxValue);
            if (!reader.Read())
            {
                continue;
            }

            var headerCount = reader.FieldCount;
            if (headerCount < 2)
            {
                continue;
            }

            var records = 0;
            var consistent = 0;
            while (records < 50 && reader.Read())
            {
                records++;
                if (reader.FieldCount == headerCount)
                {
                    consistent++;
                }
            }

            // Consistency first (records with the header's field count), then more columns.
            var score = (((records == 0 ? 1L : consistent) * 1000) / Math.Max(records, 1) * 1000) + headerCount;
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    private static string DetectLineEnding(string text, char quote)
    {
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote)
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == '\n')
            {
                return "LF";
            }
            else if (!inQuotes && c == '\r')
            {
                return i + 1 < text.Length && text[i + 1] == '\n' ? "CRLF" : "CR";
            }
        }

        return "none";
    }
}
