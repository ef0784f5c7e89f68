using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>A loaded <see cref="CsvLookup"/>: key to case id and case attribute values, read once before the import.</summary>
internal sealed class CsvLookupTable
{
    private readonly Dictionary<string, Entry> _entries;
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private CsvLookupTable(string source, string keyColumn, string[] attributeNames, Dictionary<string, Entry> entries)
    {
        Source = source;
        KeyColumn = keyColumn;
        AttributeNames = attributeNames;
        _entries = entries;
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lookup file's name, as errors and quarantine reasons say it.</summary>
    public string Source { get; }

    /// <summary>The lookup's key column.</summary>
    public string KeyColumn { get; }

    /// <summary>The case attributes the lookup adds, in column order.</summary>
    public string[] AttributeNames { get; }

    /// <summary>The entry of <paramref name="key"/>, or false when the lookup does not have it.</summary>
    public bool TryFind(ReadOnlySpan<char> key, out Entry entry) => _lookup.TryGetValue(key, out entry!);

    /// <summary>Reads the whole lookup file; every problem is fatal, since a bad lookup would mis-assign every row it maps.</summary>
    /// <param name="lookup">The lookup.</param>
    /// <param name="caseColumn">The imported file's case column (the default key).</param>
    /// <param name="options">The import's options (record length limit).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ImportException">The lookup cannot be read, lacks a column, or has an empty or duplicate key.</exception>
    public static CsvLookupTable Load(CsvLookup lookup, string caseColumn, ImportOptions options, CancellationToken cancellationToken)
    {
        var source = lookup.SourceName ?? System.IO.Path.GetFileName(lookup.Path);
        // Its own session: errors name the lookup file, never the imported file's SourceName.
        var session = new ImportSession(source, new ImportOptions { Mode = ImportMode.Strict, MaxRecordLength = options.MaxRecordLength });
        FileStream stream;
        try
        {
            stream = new FileStream(lookup.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw session.Fatal(0, -1, null, $"the lookup file cannot be opened: {ex.Message}", ex);
        }

        using (stream)
        {
            var dialectOptions = new CsvImportOptions();
            var dialect = CsvDialect.Sniff(stream, dialectOptions, session);
            var reader = new CsvRecordReader(dialect.OpenReader(stream), dialect.Delimiter, dialectOptions.Quote, options.MaxRecordLength);
            if (!reader.Read())
            {
                throw session.Fatal(1, -1, null, "the lookup file is empty; it needs a header line");
            }

            var header = new string[reader.FieldCount];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = reader[i].Trim().ToString();
            }

            var keyName = lookup.KeyColumn ?? caseColumn;
            var key = Column(session, header, keyName, "key column");
            var caseIndex = lookup.CaseColumn is null ? -1 : Column(session, header, lookup.CaseColumn, "case column");
            var attributes = lookup.AttributeColumns.Count > 0
                ? lookup.AttributeColumns.Select(name => Column(session, header, name, "attribute column")).ToArray()
                : Enumerable.Range(0, header.Length).Where(i => i != key && i != caseIndex).ToArray();
            var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            var lines = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read())
            {
                if ((entries.Count & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (reader.Error is { } error)
                {
                    throw session.Fatal(reader.StartLine, -1, null, error);
                }

                if (reader.FieldCount != header.Length)
                {
                    throw session.Fatal(reader.StartLine, -1, null, $"expected {header.Length} fields as in the header, found {reader.FieldCount}");
                }

                var keyText = reader[key].Trim().ToString();
                if (keyText.Length == 0)
                {
                    throw session.Fatal(reader.StartLine, -1, header[key], "the key is empty");
                }

                if (lines.TryGetValue(keyText, out var first))
                {
                    throw session.Fatal(reader.StartLine, -1, header[key],
                        $"the key '{keyText}' is also on line {first}; each key must be on one line of the lookup, or the case it maps to is ambiguous");
                }

                string? caseId = null;
                if (caseIndex >= 0)
                {
                    caseId = reader[caseIndex].Trim().ToString();
                    if (caseId.Length == 0)
                    {
                        throw session.Fatal(reader.StartLine, -1, header[caseIndex], "the case id is empty");
                    }
                }

                var values = new string[attributes.Length];
                for (var a = 0; a < attributes.Length; a++)
                {
                    values[a] = reader[attributes[a]].ToString();
                }

                lines.Add(keyText, reader.StartLine);
                entries.Add(keyText, new Entry(caseId, values));
            }

            return new CsvLookupTable(source, header[key], attributes.Select(i => header[i]).ToArray(), entries);
        }
    }

    private static int Column(ImportSession session, string[] header, string name, string role)
    {
        var index = Array.IndexOf(header, name);
        if (index < 0)
        {
            throw session.Fatal(1, -1, null,
                $"the lookup has no column '{name}' (its {role}).{NameSuggestions.Hint(name, header)} Its columns are: {string.Join(", ", header)}");
        }

        return index;
    }

    /// <summary>What one key maps to.</summary>
    /// <param name="CaseId">The case id, or null to keep the key.</param>
    /// <param name="Values">The attribute values, in <see cref="AttributeNames"/> order (empty text when missing).</param>
    internal sealed record Entry(string? CaseId, string[] Values);
}
