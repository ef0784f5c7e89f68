using System.Globalization;
using Journeyscope.EventLogs;
using Parquet;

namespace Journeyscope.IO;

/// <summary>Imports a Parquet file of events (one row per event) in the shared field conventions.</summary>
/// <remarks>
/// Reads row group by row group, so memory holds one row group's columns at a time besides the log being built.
/// Required columns: <c>case_id</c>, <c>activity</c>, <c>timestamp</c> (a timestamp, or ISO 8601 text). A
/// <c>&lt;name&gt;_offset_minutes</c> integer column beside a timestamp column restores its UTC offsets. Other columns
/// become typed event attributes (<c>case:&lt;name&gt;</c> columns case attributes); columns of unsupported types
/// (binary, decimal, nested) are skipped with a warning. Quarantine entries give the 1-based row number as their line.
/// </remarks>
public static class ParquetImporter
{
    /// <summary>Imports the Parquet file at <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The file is missing, not Parquet, lacks a required column, or (strict) has a bad row.</exception>
    public static ImportResult Import(string path, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ImportOptions.Default;
        var session = new ImportSession(Path.GetFileName(path), options, File.Exists(path) ? new FileInfo(path).Length : -1);
        if (!File.Exists(path))
        {
            throw session.Fatal(0, -1, null, $"the file '{path}' does not exist");
        }

        if (session.TotalBytes == 0)
        {
            throw session.Fatal(0, 0, null, "the file is empty");
        }

        return ImportGuard.Run(session.Source, options, cancellationToken, token => ImportAsync(path, session, token).GetAwaiter().GetResult());
    }

    private static async Task<ImportResult> ImportAsync(string path, ImportSession session, CancellationToken cancellationToken)
    {
        if (session.TotalBytes > session.Options.MaxDecompressedBytes)
        {
            throw session.OverBudget(ImportBudget.MaxDecompressedBytes, $"{session.Options.MaxDecompressedBytes:N0} bytes of (decompressed) content");
        }

        var stream = new GuardedStream(File.OpenRead(path), cancellationToken);
        ParquetReader reader;
        try
        {
            ParquetFileCheck.Footer(stream, session);
            reader = await ParquetReader.CreateAsync(stream, null, false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsLibraryFailure(ex))
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw session.Fatal(0, 0, null, $"not a readable Parquet file: {ex.Message}", ex);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await using (reader.ConfigureAwait(false))
        {
            ParquetReadPlan plan;
            try
            {
                ParquetFileCheck.Metadata(reader, session.TotalBytes, session);
                ParquetPageScan.Check(stream, reader.Metadata!, session);
                plan = ParquetReadPlan.Create(reader.Schema.DataFields, session);
            }
            catch (Exception ex) when (IsLibraryFailure(ex))
            {
                throw session.Fatal(0, -1, null, $"not a readable Parquet file: its schema cannot be decoded ({ex.Message})", ex);
            }

            var builder = new EventLogBuilder();
            plan.CreateHandles(builder);
            long row = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ParquetBatch batch;
                int count;
                try
                {
                    using var group = reader.OpenRowGroupReader(g);
                    count = (int)group.RowCount;
                    batch = await plan.ReadAsync(group, count, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsLibraryFailure(ex))
                {
                    throw session.Fatal(row + 1, -1, null, $"the Parquet data of row group {g + 1} is corrupt or unsupported: {ex.Message}", ex);
                }

                for (var i = 0; i < count; i++)
                {
                    row++;
                    session.RecordRead();
                    batch.AddRow(builder, i, row, session);
                }

                session.Report(session.TotalBytes * (g + 1) / Math.Max(1, reader.RowGroupCount));
            }

            return session.Finish(builder.Build(), "parquet");
        }
    }

    /// <summary>
    /// Anything the Parquet library (and its Thrift, Snappy, Zstd and Brotli decoders) throws on corrupt data: it
    /// raises many types (ThriftProtocolException, InvalidDataException, Overflow, IndexOutOfRange, NullReference...).
    /// Our own import errors and cancellation pass through.
    /// </summary>
    private static bool IsLibraryFailure(Exception ex) =>
        ex is not (ImportException or OperationCanceledException or OutOfMemoryException);

    internal static bool TryParseTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
}
