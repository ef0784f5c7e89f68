using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>
/// Imports event logs from CSV: dialect (encoding, delimiter, line ending), column roles and timestamp formats are
/// detected from the first 64 KiB, then the file streams record by record.
/// </summary>
/// <remarks>
/// Memory is bounded by the log being built plus one record (at most <see cref="ImportOptions.MaxRecordLength"/>
/// characters). Bad rows are quarantined with line, column and reason (or stop the import in strict mode).
/// </remarks>
public static class CsvImporter
{
    /// <summary>The format name reported in <see cref="ImportResult.Format"/>.</summary>
    public const string Format = "csv";

    /// <summary>Imports the CSV file at <paramref name="path"/>.</summary>
    public static ImportResult Import(string path, CsvImportOptions? csv = null, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ImportOptions.Default;
        var session = new ImportSession(System.IO.Path.GetFileName(path), options, new FileInfo(path).Length);
        using var stream = OpenFile(path, session);
        return Import(stream, session, csv ?? CsvImportOptions.Default, cancellationToken);
    }

    /// <summary>Imports CSV from <paramref name="stream"/> (read to its end, not disposed).</summary>
    public static ImportResult Import(Stream stream, string sourceName, CsvImportOptions? csv = null, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= ImportOptions.Default;
        var session = new ImportSession(sourceName, options, stream.CanSeek ? stream.Length - stream.Position : -1);
        return Import(stream, session, csv ?? CsvImportOptions.Default, cancellationToken);
    }

    /// <summary>
    /// Detects the dialect, column roles, types and timestamp formats of the file without importing it, and proposes a
    /// mapping for the roles the header does not name.
    /// </summary>
    /// <remarks>
    /// Never fails for a missing role: <see cref="CsvInspection.Missing"/> lists it, so a wizard can show every column and
    /// let the user choose. A column given in <paramref name="csv"/> that is not in the header still throws.
    /// </remarks>
    public static CsvInspection Inspect(string path, CsvImportOptions? csv = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var session = new ImportSession(System.IO.Path.GetFileName(path), ImportOptions.Default);
        using var stream = OpenFile(path, session);
        return Inspect(stream, session, csv ?? CsvImportOptions.Default);
    }

    /// <summary>Detects the dialect, column roles, types and timestamp formats of CSV read from <paramref name="stream"/>.</summary>
    public static CsvInspection Inspect(Stream stream, string sourceName, CsvImportOptions? csv = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Inspect(stream, new ImportSession(sourceName, ImportOptions.Default), csv ?? CsvImportOptions.Default);
    }

    private static CsvInspection Inspect(Stream stream, ImportSession session, CsvImportOptions csv)
    {
        var dialect = CsvDialect.Sniff(stream, csv, session);
        var (names, rows) = SplitSample(dialect, csv);
        var layout = CsvLayout.Resolve(names, rows, csv, session, lenient: true);
        return CsvMappingAdvisor.Inspect(dialect, names, rows, layout, csv);
    }

    private static (string[] Names, List<string[]> Rows) SplitSample(CsvDialect dialect, CsvImportOptions csv)
    {
        var records = dialect.SampleRecords;
        if (records.Count == 0)
        {
            return ([], []);
        }

        var header = csv.HasHeader ? records[0] : null;
        var names = CsvLayout.HeaderNames(header, records[0].Length);
        return (names, csv.HasHeader ? records.GetRange(1, records.Count - 1) : records);
    }

    private static FileStream OpenFile(string path, ImportSession session)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw session.Fatal(0, -1, null, $"the file cannot be opened: {ex.Message}", ex);
        }
    }

    private static ImportResult Import(Stream stream, ImportSession session, CsvImportOptions csv, CancellationToken cancellationToken) =>
        ImportGuard.Run(session.Source, session.Options, cancellationToken, token => ImportCore(stream, session, csv, token));

    private static ImportResult ImportCore(Stream stream, ImportSession session, CsvImportOptions csv, CancellationToken cancellationToken)
    {
        var counting = new CountingStream(stream, session);
        var dialect = CsvDialect.Sniff(counting, csv, session);
        var (names, rows) = SplitSample(dialect, csv);
        var layout = CsvLayout.Resolve(names, rows, csv, session);
        foreach (var warning in layout.Warnings)
        {
            session.Warn(warning);
        }

        var join = csv.Lookup is null ? -1 : JoinColumn(csv.Lookup, layout, session);
        var lookup = csv.Lookup is null ? null : CsvLookupTable.Load(csv.Lookup, layout.Names[join], session.Options, cancellationToken);
        var reader = new CsvRecordReader(dialect.OpenReader(counting), dialect.Delimiter, csv.Quote, session.Options.MaxRecordLength);
        try
        {
            return new CsvRowReader(reader, layout, csv, session, counting, lookup, join).Run(cancellationToken);
        }
        catch (DecoderFallbackException ex)
        {
            throw session.Fatal(reader.StartLine, -1, null, $"the bytes are not valid {dialect.Encoding.WebName}; use --encoding latin1 (or windows-1252)", ex);
        }
    }

    /// <summary>The imported file's column whose value the lookup finds: <see cref="CsvLookup.JoinColumn"/>, else the case column.</summary>
    private static int JoinColumn(CsvLookup lookup, CsvLayout layout, ImportSession session)
    {
        if (lookup.JoinColumn is not { } name)
        {
            return layout.Case;
        }

        var index = Array.FindIndex(layout.Names, n => string.Equals(n, name, StringComparison.Ordinal));
        if (index < 0)
        {
            index = Array.FindIndex(layout.Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0
            ? index
            : throw session.Fatal(1, -1, null,
                $"the file has no column '{name}' to join the lookup on (--lookup-on).{NameSuggestions.Hint(name, layout.Names)} Its columns are: {string.Join(", ", layout.Names)}");
    }
}
