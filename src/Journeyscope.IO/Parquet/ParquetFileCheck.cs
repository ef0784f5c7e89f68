using System.Buffers.Binary;
using Parquet;

namespace Journeyscope.IO;

/// <summary>
/// Sanity checks on a Parquet file's footer and metadata before the Parquet library decodes its pages: the library
/// trusts sizes, offsets and counts from the file, and corrupt ones make it throw anything or loop.
/// </summary>
internal static class ParquetFileCheck
{
    /// <summary>A footer (file metadata) larger than this is refused before it is decoded.</summary>
    private const int MaxFooterBytes = 64 << 20;

    /// <summary>Checks the magic bytes and the footer length against the file size.</summary>
    public static void Footer(Stream file, ImportSession session)
    {
        var length = file.Length;
        if (length < 12)
        {
            throw session.Fatal(0, 0, null, $"not a readable Parquet file: {length} bytes is too short to hold a Parquet header and footer");
        }

        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[8];
        file.Position = 0;
        file.ReadExactly(head);
        file.Position = length - 8;
        file.ReadExactly(tail);
        file.Position = 0;
        if (!head.SequenceEqual("PAR1"u8) || !tail[4..].SequenceEqual("PAR1"u8))
        {
            throw session.Fatal(0, 0, null, "not a readable Parquet file: the PAR1 magic bytes are missing at its start or end (truncated?)");
        }

        var footer = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footer <= 0 || footer > length - 12 || footer > MaxFooterBytes)
        {
            throw session.Fatal(0, length - 8, null, $"not a readable Parquet file: its footer claims {footer} bytes of metadata in a file of {length} bytes");
        }

        var bytes = new byte[footer];
        file.Position = length - 8 - footer;
        file.ReadExactly(bytes);
        file.Position = 0;
        if (ThriftCompactScan.Check(bytes) is { } problem)
        {
            throw session.Fatal(0, length - 8 - footer, null, $"not a readable Parquet file: its metadata is corrupt ({problem})");
        }
    }

    /// <summary>Checks every row group's row count and every column chunk's offsets and sizes against the file size and the event budget.</summary>
    public static void Metadata(ParquetReader reader, long fileLength, ImportSession session)
    {
        var metadata = reader.Metadata ?? throw session.Fatal(0, -1, null, "not a readable Parquet file: it has no file metadata");
        var groups = metadata.RowGroups ?? [];
        long rows = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            if (group.NumRows < 0 || group.NumRows > int.MaxValue)
            {
                throw Corrupt(session, g, $"it claims {group.NumRows} rows");
            }

            rows += group.NumRows;
            foreach (var chunk in group.Columns ?? [])
            {
                var column = chunk.MetaData;
                if (column is null)
                {
                    continue;
                }

                var start = column.DictionaryPageOffset is { } d and > 0 && d < column.DataPageOffset ? d : column.DataPageOffset;
                if (start < 4 || column.TotalCompressedSize < 0 || start + column.TotalCompressedSize > fileLength ||
                    column.NumValues < 0 || column.TotalUncompressedSize < 0)
                {
                    var name = column.PathInSchema is { Count: > 0 } path ? string.Join('.', path) : "?";
                    throw Corrupt(session, g, $"column '{name}' claims {column.TotalCompressedSize} bytes at offset {start} (values: {column.NumValues}) in a file of {fileLength} bytes");
                }
            }
        }

        if (rows > session.Options.MaxEvents)
        {
            throw session.OverBudget(ImportBudget.MaxEvents, $"{session.Options.MaxEvents:N0} events (the file holds {rows:N0} rows)");
        }
    }

    private static ImportException Corrupt(ImportSession session, int group, string what) =>
        session.Fatal(0, -1, null, $"not a readable Parquet file: row group {group + 1}: {what}");
}
