using Parquet;

namespace Journeyscope.IO.Tests.Parquet;

/// <summary>
/// Real exports whose first page header of a column is patched in place (same byte length, so every offset stays
/// valid): the importer must refuse the page before the Parquet library decodes it, naming row group and column.
/// </summary>
public sealed class ParquetPageHeaderTests
{
    private const int UncompressedSize = 2;
    private const int CompressedSize = 3;

    [Fact]
    public void Import_NegativeCompressedPageSize_ImportExceptionNamingColumnAndRowGroup()
    {
        // Given a real export whose first 'activity' page claims -1 compressed bytes
        using var temp = new TempFiles();
        var path = Export(temp);
        Patch(path, "activity", header => header.Top[CompressedSize], -1);

        // When imported
        var ex = Should.Throw<ImportException>(() => ParquetImporter.Import(path));

        // Then the page is refused, naming where it is and why
        ex.Reason.ShouldContain("row group 1, column 'activity', page at byte");
        ex.Reason.ShouldContain("-1 compressed");
    }

    [Fact]
    public void Import_CompressedPageSizePastChunkEnd_ImportException()
    {
        // Given a real export whose first page of a column claims more compressed bytes than its column chunk holds
        // (the first column whose size field is wide enough to hold such a value)
        using var temp = new TempFiles();
        var path = Export(temp);
        var column = PageHeader.Columns(path).First(c =>
            PageHeader.Read(File.ReadAllBytes(path), path, c) is var h && h.Largest(h.Top[CompressedSize]) > h.ChunkBytes);
        Patch(path, column, header => header.Top[CompressedSize], header => Above(header.Largest(header.Top[CompressedSize]), header.ChunkBytes));

        // When imported, Then it is refused for the bytes left in the chunk
        var ex = Should.Throw<ImportException>(() => ParquetImporter.Import(path));
        ex.Reason.ShouldContain($"column '{column}'");
        ex.Reason.ShouldContain("left in the column chunk");
    }

    [Fact]
    public void Import_NegativeUncompressedPageSize_ImportException()
    {
        // Given a real export whose first 'timestamp' page claims -1 uncompressed bytes
        using var temp = new TempFiles();
        var path = Export(temp);
        Patch(path, "timestamp", header => header.Top[UncompressedSize], -1);

        // When imported, Then it is refused naming the column
        Should.Throw<ImportException>(() => ParquetImporter.Import(path)).Reason.ShouldContain("column 'timestamp'");
    }

    [Fact]
    public void Import_PageClaimingMoreValuesThanItsChunk_ImportException()
    {
        // Given a real export whose first 'timestamp' page claims more values than the column chunk declares
        using var temp = new TempFiles();
        var path = Export(temp);
        Patch(path, "timestamp", header => header.NumValues, header => Above(header.Largest(header.NumValues), header.ChunkValues));

        // When imported, Then it is refused as a page claiming too many values
        Should.Throw<ImportException>(() => ParquetImporter.Import(path)).Reason.ShouldContain("values");
    }

    [Fact]
    public void Import_UnpatchedExport_Imports()
    {
        // Given a real export left as it is (the patching helper itself must not break files)
        using var temp = new TempFiles();
        var path = Export(temp);
        var events = ParquetImporter.Import(path, cancellationToken: TestContext.Current.CancellationToken).RecordsImported;
        Patch(path, "activity", header => header.Top[CompressedSize], header => header.CompressedValue);

        // When imported, Then every event comes back
        ParquetImporter.Import(path, cancellationToken: TestContext.Current.CancellationToken).RecordsImported.ShouldBe(events);
        events.ShouldBeGreaterThan(0);
    }

    private static long Above(long value, long limit)
    {
        value.ShouldBeGreaterThan(limit, "the patched value must exceed the limit the importer checks");
        return value;
    }

    private static string Export(TempFiles temp)
    {
        var path = temp.Path("log.parquet");
        var log = Flat.RandomLogs.Create(1, timestampAttributes: false);
        EventLogFile.Export(log, path);
        return path;
    }

    private static void Patch(string path, string column, Func<PageHeader, (int At, int Length)> field, long value) =>
        Patch(path, column, field, _ => value);

    /// <summary>Rewrites one integer field of the first page header of <paramref name="column"/> as a padded varint of the same length.</summary>
    private static void Patch(string path, string column, Func<PageHeader, (int At, int Length)> field, Func<PageHeader, long> value)
    {
        var bytes = File.ReadAllBytes(path);
        var header = PageHeader.Read(bytes, path, column);
        var (at, length) = field(header);
        var zigzag = (ulong)((value(header) << 1) ^ (value(header) >> 63));
        for (var i = 0; i < length; i++)
        {
            bytes[at + i] = (byte)((zigzag & 0x7F) | (i < length - 1 ? 0x80UL : 0));
            zigzag >>= 7;
        }

        zigzag.ShouldBe(0UL, "the new value must fit the old varint's bytes");
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Where the integer fields of a page header lie (a minimal Thrift compact reader: integers and one nested structure).</summary>
    private sealed class PageHeader
    {
        public Dictionary<int, (int At, int Length)> Top { get; } = [];

        public (int At, int Length) NumValues { get; private set; }

        public long ChunkBytes { get; private init; }

        public long ChunkValues { get; private init; }

        public long CompressedValue { get; private set; }

        public long UncompressedValue { get; private set; }

        /// <summary>The largest value a zigzag varint of the field's length holds.</summary>
        public long Largest((int At, int Length) field) => (long)((1UL << (7 * field.Length)) - 1) >> 1;

        public static List<string> Columns(string path)
        {
            var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
            var names = reader.Metadata!.RowGroups[0].Columns.Select(c => c.MetaData!.PathInSchema[0]).ToList();
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return names;
        }

        public static PageHeader Read(byte[] bytes, string path, string column)
        {
            var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
            var chunk = reader.Metadata!.RowGroups[0].Columns.Single(c => c.MetaData!.PathInSchema[0] == column).MetaData!;
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            var start = chunk.DictionaryPageOffset is { } d and > 0 && d < chunk.DataPageOffset ? d : chunk.DataPageOffset;
            var header = new PageHeader { ChunkBytes = chunk.TotalCompressedSize, ChunkValues = chunk.NumValues };
            var at = (int)start;
            var id = 0;
            var outer = 0;
            while (true)
            {
                var b = bytes[at++];
                b.ShouldNotBe((byte)0, "the first page header's nested structure starts with num_values");
                (b >> 4).ShouldNotBe(0, "the test reader expects short field headers");
                id += b >> 4;
                if ((b & 0x0F) == 12)
                {
                    (outer, id) = (id, 0);
                    continue;
                }

                (b & 0x0F).ShouldBe(5, "the test reader expects i32 fields only");
                var begin = at;
                long value = 0;
                for (var shift = 0; ; shift += 7)
                {
                    value |= (long)(bytes[at] & 0x7F) << shift;
                    if ((bytes[at++] & 0x80) == 0)
                    {
                        break;
                    }
                }

                value = (long)((ulong)value >> 1) ^ -(value & 1);
                if (outer == 0)
                {
                    header.Top[id] = (begin, at - begin);
                    header.CompressedValue = id == CompressedSize ? value : header.CompressedValue;
                    header.UncompressedValue = id == UncompressedSize ? value : header.UncompressedValue;
                }
                else
                {
                    // num_values is field 1 of every page kind's own header, the first thing in it.
                    header.NumValues = (begin, at - begin);
                    return header;
                }
            }
        }
    }
}
