using Journeyscope.EventLogs;
using Parquet;
using Parquet.Schema;

namespace Journeyscope.IO;

/// <summary>Writes an <see cref="EventLog"/> as a Parquet file, one row per event, in the shared field conventions.</summary>
/// <remarks>
/// Columns: <c>case_id</c>, <c>activity</c>, <c>timestamp</c> (UTC, nanoseconds) and <c>timestamp_offset_minutes</c>
/// (int16) so offsets survive; <c>start_timestamp</c> (+ offset) when present; <c>lifecycle</c>, <c>resource</c>,
/// <c>channel</c> when present; every event attribute with its native type (a timestamp attribute gets a
/// <c>&lt;name&gt;_offset_minutes</c> companion); case attributes as <c>case:&lt;name&gt;</c>, repeated on each event.
/// Rows are written in the log's order, in row groups of <see cref="RowGroupSize"/> rows. Timestamps must lie
/// between 1677 and 2262 (the range of Parquet nanosecond timestamps). See docs/formats/parquet.md.
/// </remarks>
public static class ParquetExporter
{
    /// <summary>Rows per row group.</summary>
    public const int RowGroupSize = 256 * 1024;

    /// <summary>Writes <paramref name="log"/> to the file at <paramref name="path"/> (created or replaced).</summary>
    public static void Export(EventLog log, string path)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Export(log, stream);
    }

    /// <summary>Writes <paramref name="log"/> to <paramref name="stream"/> (writable and seekable), leaving it open.</summary>
    public static void Export(EventLog log, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(stream);
        ExportAsync(log, stream, RowGroupSize).GetAwaiter().GetResult();
    }

    /// <summary>Writes with row groups of <paramref name="rowGroupSize"/> rows (tests use small groups).</summary>
    internal static void Export(EventLog log, Stream stream, int rowGroupSize) =>
        ExportAsync(log, stream, rowGroupSize).GetAwaiter().GetResult();

    private static async Task ExportAsync(EventLog log, Stream stream, int rowGroupSize)
    {
        var n = log.EventCount;
        var caseOfEvent = new int[n];
        var ticks = new long[n];
        var offsets = new short[n];
        for (var c = 0; c < log.CaseCount; c++)
        {
            caseOfEvent.AsSpan(log.CaseStart(c), log.CaseLength(c)).Fill(c);
        }

        for (var e = 0; e < n; e++)
        {
            var time = log.GetTimestamp(e);
            ticks[e] = CheckRange(time.UtcTicks, ParquetColumns.Timestamp);
            offsets[e] = (short)time.Offset.TotalMinutes;
        }

        var columns = new List<ExportColumn>
        {
            new StringExportColumn(new DataField<string>(ParquetColumns.CaseId, false), log.CaseIds, caseOfEvent, null),
            new StringExportColumn(new DataField<string>(ParquetColumns.Activity, false), log.ActivityNames, log.Activities.ToArray(), null),
            new TimestampExportColumn(ParquetColumns.Timestamp, false, ticks, offsets, null, null),
        };
        if (log.StartTimestamps is { } starts)
        {
            columns.Add(FromAttribute(ParquetColumns.StartTimestamp, starts, null));
        }

        AddString(columns, ParquetColumns.Lifecycle, log.Lifecycle);
        AddString(columns, ParquetColumns.Resource, log.Resource);
        AddString(columns, ParquetColumns.Channel, log.Channel);
        foreach (var column in log.EventAttributes)
        {
            columns.Add(FromAttribute(column.Name, column, null));
        }

        foreach (var column in log.CaseAttributes)
        {
            columns.Add(FromAttribute(ParquetColumns.CasePrefix + column.Name, column, caseOfEvent));
        }

        var fields = new List<Field>();
        foreach (var column in columns)
        {
            fields.AddRange(column.Fields);
        }

        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
        for (var start = 0; start < n || (n == 0 && start == 0); start += rowGroupSize)
        {
            var count = Math.Min(rowGroupSize, n - start);
            using var group = writer.CreateRowGroup();
            foreach (var column in columns)
            {
                await column.WriteAsync(group, start, count).ConfigureAwait(false);
            }

            if (n == 0)
            {
                break;
            }
        }
    }

    private static void AddString(List<ExportColumn> columns, string name, StringColumn? column)
    {
        if (column is not null)
        {
            columns.Add(FromAttribute(name, column, null));
        }
    }

    /// <summary>An attribute column as Parquet column(s); <paramref name="rowOf"/> maps events to rows (case attributes).</summary>
    private static ExportColumn FromAttribute(string name, AttributeColumn column, int[]? rowOf) => column switch
    {
        StringColumn s => new StringExportColumn(new DataField<string>(name, true), s.Dictionary, s.Codes.ToArray(), rowOf),
        Int64Column l => new ValueExportColumn<long>(new DataField<long>(name, true), l.Values.ToArray(), l.Validity, rowOf),
        DoubleColumn d => new ValueExportColumn<double>(new DataField<double>(name, true), d.Values.ToArray(), d.Validity, rowOf),
        BooleanColumn b => new ValueExportColumn<bool>(new DataField<bool>(name, true), b.Values.ToArray(), b.Validity, rowOf),
        TimestampColumn t => new TimestampExportColumn(name, true, CheckRange(t.UtcTicks.ToArray(), t.Validity, name), t.OffsetMinutes.ToArray(), t.Validity, rowOf),
        _ => throw new NotSupportedException($"The attribute column '{name}' has an unknown type {column.Type}."),
    };

    private static long[] CheckRange(long[] ticks, ValidityBitmap validity, string column)
    {
        for (var i = 0; i < ticks.Length; i++)
        {
            if (validity[i])
            {
                CheckRange(ticks[i], column);
            }
        }

        return ticks;
    }

    private static long CheckRange(long ticks, string column) =>
        ticks >= ParquetColumns.MinTicks && ticks <= ParquetColumns.MaxTicks
            ? ticks
            : throw new ArgumentOutOfRangeException(nameof(ticks), ticks,
                $"Column '{column}' holds a time outside 1677-09-21..2262-04-11, which Parquet nanosecond timestamps cannot hold.");

    private abstract class ExportColumn
    {
        public abstract IEnumerable<Field> Fields { get; }

        public abstract Task WriteAsync(ParquetRowGroupWriter group, int start, int count);
    }

    private sealed class StringExportColumn(DataField<string> column, IReadOnlyList<string> dictionary, int[] codes, int[]? rowOf)
        : ExportColumn
    {
        public override IEnumerable<Field> Fields => [column];

        public override Task WriteAsync(ParquetRowGroupWriter group, int start, int count)
        {
            var values = new string?[count];
            for (var i = 0; i < count; i++)
            {
                var code = codes[rowOf is null ? start + i : rowOf[start + i]];
                values[i] = code < 0 ? null : dictionary[code];
            }

            return group.WriteAsync(column, values!);
        }
    }

    private sealed class ValueExportColumn<T>(DataField column, T[] source, ValidityBitmap validity, int[]? rowOf) : ExportColumn
        where T : struct
    {
        public override IEnumerable<Field> Fields => [column];

        public override Task WriteAsync(ParquetRowGroupWriter group, int start, int count)
        {
            var values = new T?[count];
            for (var i = 0; i < count; i++)
            {
                var row = rowOf is null ? start + i : rowOf[start + i];
                values[i] = validity[row] ? source[row] : null;
            }

            return group.WriteAsync<T>(column, new ReadOnlyMemory<T?>(values));
        }
    }

    /// <summary>A timestamp column and its <c>_offset_minutes</c> companion; all rows valid when <paramref name="validity"/> is null.</summary>
    private sealed class TimestampExportColumn(string name, bool nullable, long[] ticks, short[] offsets, ValidityBitmap? validity, int[]? rowOf)
        : ExportColumn
    {
        private readonly DateTimeDataField _time = ParquetColumns.TimestampField(name, nullable);
        private readonly DataField<short> _offset = new(name + ParquetColumns.OffsetSuffix, nullable);

        public override IEnumerable<Field> Fields => [_time, _offset];

        public override async Task WriteAsync(ParquetRowGroupWriter group, int start, int count)
        {
            if (!nullable)
            {
                var times = new DateTime[count];
                for (var i = 0; i < count; i++)
                {
                    times[i] = new DateTime(ticks[start + i], DateTimeKind.Utc);
                }

                await group.WriteAsync<DateTime>(_time, new ReadOnlyMemory<DateTime>(times)).ConfigureAwait(false);
                await group.WriteAsync<short>(_offset, new ReadOnlyMemory<short>(offsets, start, count)).ConfigureAwait(false);
                return;
            }

            var nullableTimes = new DateTime?[count];
            var nullableOffsets = new short?[count];
            for (var i = 0; i < count; i++)
            {
                var row = rowOf is null ? start + i : rowOf[start + i];
                if (validity is null || validity[row])
                {
                    nullableTimes[i] = new DateTime(ticks[row], DateTimeKind.Utc);
                    nullableOffsets[i] = offsets[row];
                }
            }

            await group.WriteAsync<DateTime>(_time, new ReadOnlyMemory<DateTime?>(nullableTimes)).ConfigureAwait(false);
            await group.WriteAsync<short>(_offset, new ReadOnlyMemory<short?>(nullableOffsets)).ConfigureAwait(false);
        }
    }
}
