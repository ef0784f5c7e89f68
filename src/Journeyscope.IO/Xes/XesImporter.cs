using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Journeyscope.IO;

/// <summary>Reads XES event logs (IEEE 1849-2016), plain or gzip-compressed, into an <see cref="Journeyscope.EventLogs.EventLog"/>.</summary>
/// <remarks>
/// <para>
/// Streaming: one trace at a time is held in memory besides the log's columns. Gzip is detected by its magic bytes,
/// whatever the file is called. DTDs are refused and no external resource is ever resolved (no XXE).
/// </para>
/// <para>
/// Mapping: a trace's <c>concept:name</c> is the case id (a trace without one gets <c>trace-&lt;n&gt;</c> and a
/// warning); other trace attributes become case attributes. On events, <c>concept:name</c> is the activity,
/// <c>time:timestamp</c> the timestamp (an instant in UTC plus the offset it was written with),
/// <c>lifecycle:transition</c> the lifecycle, <c>org:resource</c> the resource, a <c>channel</c> attribute the
/// channel, a <c>start_timestamp</c> date the start time, <c>identity:id</c> the <c>event_id</c> attribute; every
/// other key is a typed attribute of the same name (string, date, int, float, boolean; id as string). Nested
/// attributes, lists and containers are kept as JSON text with a warning; log-level attributes are reported, not kept.
/// </para>
/// <para>
/// Global defaults (<c>&lt;global&gt;</c>) fill keys a trace or event lacks, except <c>concept:name</c> and
/// <c>time:timestamp</c>: a default activity or time would make a broken event look valid, so (as PM4Py does)
/// they are not applied. An event without a name or a valid timestamp is quarantined (lenient) or stops the
/// import (strict) with its line number.
/// </para>
/// </remarks>
public static class XesImporter
{
    /// <summary>The format name reported in <see cref="ImportResult.Format"/>.</summary>
    public const string Format = "xes";

    /// <summary>Imports the XES or XES.GZ file at <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The file is missing, unreadable, not XES, or (strict mode) has a bad event.</exception>
    public static ImportResult Import(string path, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = options?.SourceName ?? Path.GetFileName(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(name, 0, -1, null, $"cannot open the file: {ex.Message}", ex);
        }

        using (file)
        {
            return Import(file, name, options, cancellationToken);
        }
    }

    /// <summary>Imports XES or XES.GZ from <paramref name="stream"/>, which is read to its end and left open.</summary>
    /// <param name="stream">The XES document, plain or gzip-compressed.</param>
    /// <param name="sourceName">The name used in errors and quarantine records.</param>
    /// <param name="options">Mode, progress and limits; <see cref="ImportOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked every 256 traces and every 4,096 events.</param>
    /// <exception cref="ImportException">The data is empty, not XES, malformed or truncated, or (strict) has a bad event.</exception>
    public static ImportResult Import(Stream stream, string sourceName, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= ImportOptions.Default;
        return ImportGuard.Run(sourceName, options, cancellationToken, token => ImportCore(stream, sourceName, options, token));
    }

    private static ImportResult ImportCore(Stream stream, string sourceName, ImportOptions options, CancellationToken cancellationToken)
    {
        var total = stream.CanSeek ? stream.Length - stream.Position : -1;
        var session = new ImportSession(sourceName, options, total);
        var counter = new CountingStream(new NonClosingStream(stream));
        XesReader? xes = null;
        XmlReader? xml = null;
        Stream? source = null;
        try
        {
            var raw = PrefixedStream.Peek(counter, 2, out var magic);
            if (magic.IsEmpty)
            {
                throw session.Fatal(0, 0, null, "The file is empty");
            }

            source = magic is [0x1f, 0x8b]
                ? new BufferedStream(new CountingStream(new GZipStream(raw, CompressionMode.Decompress), session), 1 << 20)
                : new BufferedStream(new CountingStream(raw, session), 1 << 16);
            var content = PrefixedStream.Peek(source, 1, out var first);
            if (first.IsEmpty)
            {
                throw session.Fatal(0, counter.BytesRead, null, "The file is empty (the gzip data holds no bytes)");
            }

            xml = XmlReader.Create(content, ReaderSettings());
            xes = new XesReader(xml, session, counter, cancellationToken);
            var log = xes.Read();
            return session.Finish(log, Format);
        }
        catch (XmlException ex)
        {
            throw Translate(session, ex, xes?.ReachedRoot ?? false, ex.LineNumber > 0 ? ex.LineNumber : LineOf(xml), counter.BytesRead);
        }
        catch (InvalidDataException ex)
        {
            throw session.Fatal(LineOf(xml), counter.BytesRead, null, "the gzip data is corrupt or truncated", ex);
        }
        catch (EndOfStreamException ex)
        {
            throw session.Fatal(LineOf(xml), counter.BytesRead, null, "the file ends unexpectedly (truncated)", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw session.Fatal(LineOf(xml), counter.BytesRead, null, "the text is not valid in its declared encoding", ex);
        }
        catch (ArgumentException ex) when (xes is null)
        {
            // XmlReader.Create reports an unknown encoding name this way.
            throw session.Fatal(0, counter.BytesRead, null, $"unreadable XML declaration: {ex.Message}", ex);
        }
        finally
        {
            xml?.Dispose();
            source?.Dispose();
        }
    }

    private static XmlReaderSettings ReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = true,
        CloseInput = true,
        NameTable = new NameTable(),
    };

    private static long LineOf(XmlReader? reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;

    private static ImportException Translate(ImportSession session, XmlException ex, bool reachedRoot, long line, long bytes)
    {
        var message = ex.Message;
        var cut = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        if (message.Contains("DTD", StringComparison.Ordinal))
        {
            return session.Fatal(line, bytes, null, "DTDs are not allowed in XES files (no DTD or external entity is read)", ex);
        }

        var reason = reachedRoot
            ? $"malformed XML at column {ex.LinePosition}: {message}"
            : $"not an XES file: it is not well-formed XML ({message})";
        return session.Fatal(line, bytes, null, reason, ex);
    }

    /// <summary>Keeps the caller's stream open when the reader chain is disposed.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
