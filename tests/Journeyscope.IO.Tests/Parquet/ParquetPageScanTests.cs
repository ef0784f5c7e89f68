using Parquet.Meta;

namespace Journeyscope.IO.Tests.Parquet;

/// <summary>
/// The page header walk on hand-written pages, for limits a patched export cannot reach (a patch keeps each varint's
/// length, too short for a page claiming gigabytes).
/// </summary>
public sealed class ParquetPageScanTests
{
    [Fact]
    public void Check_PageExpandingBeyondThePlausibleRatio_ImportExceptionNamingIt()
    {
        // Given a 10-byte data page claiming int.MaxValue uncompressed bytes
        var (file, metadata) = Chunk(uncompressed: int.MaxValue, compressed: 10, values: 5);

        // When walked, Then it is refused for the ratio
        var ex = Should.Throw<ImportException>(() => ParquetPageScan.Check(file, metadata, Session(ImportOptions.Default)));
        ex.Reason.ShouldContain("row group 1, column 'activity'");
        ex.Reason.ShouldContain("2147483647 uncompressed bytes from 10 compressed bytes");
    }

    [Fact]
    public void Check_PageOverTheDecompressedBudget_BudgetError()
    {
        // Given a plausible page of 1 MiB uncompressed and a budget of 64 KiB
        var (file, metadata) = Chunk(uncompressed: 1 << 20, compressed: 10, values: 5);

        // When walked, Then the decompressed-bytes budget and its flag are named
        var ex = Should.Throw<ImportException>(() => ParquetPageScan.Check(file, metadata, Session(new ImportOptions { MaxDecompressedBytes = 64 << 10 })));
        ex.Reason.ShouldContain("--max-bytes");
    }

    [Fact]
    public void Check_SoundPage_PassesAndRestoresPosition()
    {
        // Given a sound page and a stream positioned at byte 3
        var (file, metadata) = Chunk(uncompressed: 40, compressed: 10, values: 5);
        file.Position = 3;

        // When walked, Then nothing is refused and the position is back
        ParquetPageScan.Check(file, metadata, Session(ImportOptions.Default));
        file.Position.ShouldBe(3);
    }

    private static ImportSession Session(ImportOptions options) => new("test.parquet", options, 100);

    /// <summary>"PAR1", one data page (header + <paramref name="compressed"/> bytes) in one column chunk of 5 rows.</summary>
    private static (MemoryStream File, FileMetaData Metadata) Chunk(long uncompressed, int compressed, int values)
    {
        var bytes = new List<byte>("PAR1"u8.ToArray());
        var start = bytes.Count;
        bytes.AddRange([0x15, 0x00, 0x15]);
        Varint(bytes, uncompressed);
        bytes.Add(0x15);
        Varint(bytes, compressed);
        bytes.AddRange([0x2C, 0x15]);
        Varint(bytes, values);
        bytes.AddRange([0x00, 0x00]);
        bytes.AddRange(new byte[compressed]);
        var column = new ColumnMetaData
        {
            PathInSchema = ["activity"],
            DataPageOffset = start,
            TotalCompressedSize = bytes.Count - start,
            NumValues = values,
        };
        var metadata = new FileMetaData { RowGroups = [new RowGroup { NumRows = values, Columns = [new ColumnChunk { MetaData = column }] }] };
        return (new MemoryStream([.. bytes]), metadata);
    }

    private static void Varint(List<byte> bytes, long value)
    {
        var zigzag = (ulong)((value << 1) ^ (value >> 63));
        while (zigzag >= 0x80)
        {
            bytes.Add((byte)(zigzag | 0x80));
            zigzag >>= 7;
        }

        bytes.Add((byte)zigzag);
    }
}
