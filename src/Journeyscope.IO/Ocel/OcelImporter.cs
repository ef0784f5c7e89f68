using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>
/// Imports OCEL 2.0 object-centric event logs in their JSON, XML and SQLite flavours (and OCEL 1.0 JSON), keeping
/// the full object-centric data and flattening it on one object type into an <see cref="EventLog"/>.
/// </summary>
/// <remarks>
/// The flavour is detected from the content (JSON <c>{</c>, XML <c>&lt;</c>, SQLite's <c>SQLite format 3</c> header);
/// the extension (.jsonocel, .xmlocel, .sqlite) only names the flavour in errors. Records are OCEL events:
/// an event without id, type or a readable time, or with a repeated id, is quarantined. A relation to an unknown
/// object is dropped (the event is kept) and counted in a warning. See docs/formats/ocel.md.
/// </remarks>
public static class OcelImporter
{
    private static ReadOnlySpan<byte> SqliteMagic => "SQLite format 3\0"u8;

    /// <summary>Imports the OCEL file at <paramref name="path"/>.</summary>
    /// <param name="path">The file: OCEL 2.0 JSON, XML or SQLite.</param>
    /// <param name="ocel">The case notion for flattening; <see cref="OcelImportOptions.Default"/> when null.</param>
    /// <param name="options">Mode, progress and limits; <see cref="ImportOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the import between elements.</param>
    /// <returns>The flattened log in <see cref="ImportResult.Log"/> and everything in <see cref="ImportResult.Objects"/>.</returns>
    /// <exception cref="ImportException">The file is missing, empty, not OCEL, truncated, or (strict mode) has a bad event.</exception>
    public static ImportResult Import(
        string path, OcelImportOptions? ocel = null, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ocel ??= OcelImportOptions.Default;
        options ??= ImportOptions.Default;
        var session = new ImportSession(Path.GetFileName(path), options, File.Exists(path) ? new FileInfo(path).Length : -1);
        if (!File.Exists(path))
        {
            throw session.Fatal(0, -1, null, $"the file '{path}' does not exist");
        }

        return ImportGuard.Run(session.Source, options, cancellationToken, token => ImportCore(path, ocel, session, token));
    }

    private static ImportResult ImportCore(string path, OcelImportOptions ocel, ImportSession session, CancellationToken cancellationToken)
    {
        var collector = new OcelCollector(session);
        var format = Detect(path, session);
        if (format == "ocel-sqlite")
        {
            if (session.TotalBytes > session.Options.MaxDecompressedBytes)
            {
                throw session.OverBudget(ImportBudget.MaxDecompressedBytes, $"{session.Options.MaxDecompressedBytes:N0} bytes of (decompressed) content");
            }

            OcelSqliteReader.Read(path, collector, cancellationToken);
        }
        else
        {
            using var stream = new CountingStream(File.OpenRead(path), session);
            if (format == "ocel-json")
            {
                OcelJsonReader.Read(stream, collector, cancellationToken);
            }
            else
            {
                OcelXmlReader.Read(stream, collector, cancellationToken);
            }
        }

        var data = collector.Build();
        var log = OcelFlattening.Flatten(data, ocel.CaseObjectType, collector.DeclaredObjectTypes, session);
        var result = session.Finish(log, format);
        return new ImportResult(result.Log, result.Format, result.RecordsRead, result.Quarantine, result.Warnings) { Objects = data };
    }

    private static string Detect(string path, ImportSession session)
    {
        Span<byte> head = stackalloc byte[64];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..read];
        if (head.StartsWith(SqliteMagic))
        {
            return "ocel-sqlite";
        }

        var text = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        text = text.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            throw session.Fatal(0, 0, null, read == 0 ? "the file is empty" : "the file holds only white space");
        }

        var hint = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSONOCEL" or ".JSON" => " (the extension says OCEL JSON)",
            ".XMLOCEL" or ".XML" => " (the extension says OCEL XML)",
            ".SQLITE" or ".DB" => " (the extension says OCEL SQLite)",
            _ => string.Empty,
        };
        return text[0] switch
        {
            (byte)'{' or (byte)'[' => "ocel-json",
            (byte)'<' => "ocel-xml",
            _ => throw session.Fatal(0, 0, null, $"not an OCEL file: it is neither JSON, XML nor SQLite{hint}"),
        };
    }
}
