using Parquet.Meta;

namespace Journeyscope.IO;

/// <summary>
/// Walks the page headers of every column chunk before the Parquet library decodes a page. The library trusts a page
/// header's sizes and value counts and decodes pages in memory, where no cancellation reaches: a corrupt size of -1 or
/// int.MaxValue makes it spin at 100 % CPU or allocate gigabytes. Each page must fit in the bytes left in its chunk,
/// decompress to a plausible size within the decompressed-bytes budget, and hold no more values than its chunk declares.
/// </summary>
internal static class ParquetPageScan
{
    /// <summary>A page may decompress to at most this multiple of its compressed size...</summary>
    internal const long MaxExpansion = 1024;

    /// <summary>...or to this many bytes, whichever is larger (tiny pages of repeated values compress very well).</summary>
    internal const long MinExpansionAllowance = 1 << 20;

    private const int FirstRead = 64 << 10;
    private const int MaxHeaderBytes = 16 << 20;

    // PageHeader fields, and the fields of its data_page_header (5), dictionary_page_header (7) and data_page_header_v2 (8).
    private const int Type = 1;
    private const int Uncompressed = 2;
    private const int Compressed = 3;
    private const int DataPage = 5;
    private const int DictionaryPage = 7;
    private const int DataPageV2 = 8;

    /// <summary>Checks every page header of every column chunk; the stream's position is restored afterwards.</summary>
    public static void Check(Stream file, FileMetaData metadata, ImportSession session)
    {
        var position = file.Position;
        var window = new Window(file);
        var integers = new long[ThriftCompactScan.Slots * ThriftCompactScan.Slots];
        var groups = metadata.RowGroups ?? [];
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var chunk in groups[g].Columns ?? [])
            {
                if (chunk.MetaData is { } column)
                {
                    Chunk(window, integers, new Place(session, g, column), groups[g].NumRows);
                }
            }
        }

        file.Position = position;
    }

    private static void Chunk(Window window, long[] integers, Place place, long rows)
    {
        var column = place.Column;
        var start = column.DictionaryPageOffset is { } d and > 0 && d < column.DataPageOffset ? d : column.DataPageOffset;
        var end = start + column.TotalCompressedSize;
        long values = 0;
        for (var at = start; at < end;)
        {
            var length = Header(window, integers, at, end, place);
            long Field(int outer, int inner) => integers[ThriftCompactScan.Slot(outer, inner)];
            var type = Field(0, Type);
            var uncompressed = Field(0, Uncompressed);
            var compressed = Field(0, Compressed);
            var left = end - at - length;
            if (type == ThriftCompactScan.Absent || uncompressed == ThriftCompactScan.Absent || compressed == ThriftCompactScan.Absent)
            {
                throw place.Corrupt(at, "its header lacks the page type or sizes");
            }

            if (compressed < 0 || uncompressed < 0 || compressed > left)
            {
                throw place.Corrupt(at, $"it claims {compressed} compressed and {uncompressed} uncompressed bytes with {left} bytes left in the column chunk");
            }

            if (uncompressed > Math.Max(compressed * MaxExpansion, MinExpansionAllowance))
            {
                throw place.Corrupt(at, $"it claims {uncompressed} uncompressed bytes from {compressed} compressed bytes");
            }

            if (uncompressed > place.Session.Options.MaxDecompressedBytes)
            {
                throw place.Session.OverBudget(
                    ImportBudget.MaxDecompressedBytes,
                    $"{place.Session.Options.MaxDecompressedBytes:N0} bytes of (decompressed) content (a page of column '{place.Name}' claims {uncompressed:N0})");
            }

            values += type switch
            {
                0 => DataValues(Field(DataPage, 1), column.NumValues - values, at, place),
                2 => DictionaryValues(Field(DictionaryPage, 1), uncompressed, at, place),
                3 => DataV2Values(integers, column.NumValues - values, rows, compressed, uncompressed, at, place),
                _ => 0,
            };
            at += length + compressed;
        }
    }

    private static int Header(Window window, long[] integers, long at, long end, Place place)
    {
        // Most headers take a few dozen bytes; statistics can make one larger, so read more only when needed.
        var available = Math.Min(end - at, MaxHeaderBytes);
        for (var size = Math.Min(available, FirstRead); ; size = Math.Min(available, size * 16))
        {
            var problem = ThriftCompactScan.Scan(window.Read(at, (int)size), integers, out var length);
            if (problem is null)
            {
                return length;
            }

            if (size == available)
            {
                throw place.Corrupt(at, $"its header is corrupt ({problem})");
            }
        }
    }

    private static long DataValues(long count, long left, long at, Place place) =>
        count == ThriftCompactScan.Absent ? throw place.Corrupt(at, "a data page lacks its data page header")
        : count < 0 || count > left ? throw place.Corrupt(at, $"a data page claims {count} values with {left} left of the {place.Column.NumValues} the column chunk declares")
        : count;

    private static long DictionaryValues(long count, long uncompressed, long at, Place place) =>
        count == ThriftCompactScan.Absent ? throw place.Corrupt(at, "a dictionary page lacks its dictionary page header")
        : count < 0 || count > uncompressed ? throw place.Corrupt(at, $"a dictionary page claims {count} values in {uncompressed} bytes")
        : 0;

    private static long DataV2Values(long[] integers, long left, long rows, long compressed, long uncompressed, long at, Place place)
    {
        long Field(int inner) => integers[ThriftCompactScan.Slot(DataPageV2, inner)];
        var count = DataValues(Field(1), left, at, place);
        var (nulls, pageRows, definition, repetition) = (Field(2), Field(3), Field(5), Field(6));
        if (nulls < 0 || nulls > count || pageRows < 0 || pageRows > count || pageRows > rows)
        {
            throw place.Corrupt(at, $"a data page claims {count} values, {nulls} nulls and {pageRows} rows in a row group of {rows} rows");
        }

        if (definition < 0 || repetition < 0 || definition + repetition > Math.Min(compressed, uncompressed))
        {
            throw place.Corrupt(at, $"a data page claims {definition} + {repetition} bytes of levels in a page of {compressed} bytes");
        }

        return count;
    }

    /// <summary>The column chunk being walked, for error messages.</summary>
    private sealed record Place(ImportSession Session, int Group, ColumnMetaData Column)
    {
        public string Name => Column.PathInSchema is { Count: > 0 } path ? string.Join('.', path) : "?";

        public ImportException Corrupt(long at, string what) =>
            Session.Fatal(0, at, Name, $"not a readable Parquet file: row group {Group + 1}, column '{Name}', page at byte {at}: {what}");
    }

    /// <summary>A reusable read buffer over the file, so consecutive small pages cost one read.</summary>
    private sealed class Window(Stream file)
    {
        private byte[] _buffer = [];
        private long _start = -1;
        private int _length;

        public ReadOnlySpan<byte> Read(long at, int count)
        {
            if (_start < 0 || at < _start || at + count > _start + _length)
            {
                if (_buffer.Length < count)
                {
                    _buffer = new byte[Math.Max(count, FirstRead)];
                }

                var size = (int)Math.Min(Math.Max(count, FirstRead), file.Length - at);
                file.Position = at;
                file.ReadExactly(_buffer, 0, size);
                (_start, _length) = (at, size);
            }

            return _buffer.AsSpan((int)(at - _start), count);
        }
    }
}
