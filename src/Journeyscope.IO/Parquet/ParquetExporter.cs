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
            new StringExportColumn(new DataField<string>(ParquetColumns.CaseId, false), e => log.CaseIds[caseOfEvent[e]]),
            new StringExportColumn(new DataField<string>(ParquetColumns.Activity, false), e => log.ActivityNames[log.Activities[e]]),
            new TimestampExportColumn(ParquetColumns.Timestamp, false, e => (ticks[e], offsets[e])),
        };
        if (log.StartTimestamps is { } starts)
        {
            columns.Add(FromAttribute(ParquetColumns.StartTimestamp, starts, e => e));
        }

        AddString(columns, ParquetColumns.Lifecycle, log.Lifecycle);
        AddString(columns, ParquetColumns.Resource, log.Resource);
        AddString(columns, ParquetColumns.Channel, log.Channel);
        foreach (var column in log.EventAttributes)
        {
            columns.Add(FromAttribute(column.Name, column, e => e));
        }

        foreach (var column in log.CaseAttributes)
        {
            columns.Add(FromAttribute(ParquetColumns.CasePrefix + column.Name, column, e => caseOfEvent[e]));
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
            columns.Add(new StringExportColumn(new DataField<string>(name, true), column.GetString));
        }
    }

    private static ExportColumn FromAttribute(string name, AttributeColumn column, Func<int, int> row) => column switch
    {
        StringColumn s => new StringExportColumn(new DataField<string>(name, true), e => s.GetString(row(e))),
        Int64Column l => new ValueExportColumn<long>(new DataField<long>(name, true), e => l.IsValid(row(e)) ? l.Values[row(e)] : null),
        DoubleColumn d => new ValueExportColumn<double>(new DataField<double>(name, true), e => d.IsValid(row(e)) ? d.Values[row(e)] : null),
        BooleanColumn b => new ValueExportColumn<bool>(new DataField<bool>(name, true), e => b.IsValid(row(e)) ? b.Values[row(e)] : null),
        TimestampColumn t => new TimestampExportColumn(name, true, e =>
            t.IsValid(row(e)) ? (CheckRange(t.UtcTicks[row(e)], name), t.OffsetMinutes[row(e)]) : null),
        _ => throw new NotSupportedException($"The attribute column '{name}' has an unknown type {column.Type}."),
    };

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

    private sealed class StringExportColumn(DataField<string> column, Func<int, string?> value) : ExportColumn
    {
        public override IEnumerable<Field> Fields => [column];

        public override Task WriteAsync(ParquetRowGroupWriter group, int start, int count)
        {
            var values = new string?[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = value(start + i);
            }

            return group.WriteAsync(column, values!);
        }
    }

    private sealed class ValueExportColumn<T>(DataField column, Func<int, T?> value) : ExportColumn
        where T : struct
    {
        public override IEnumerable<Field> Fields => [column];

        public override Task WriteAsync(ParquetRowGroupWriter group, int start, int count)
        {
            var values = new T?[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = value(start + i);
            }

            return group.WriteAsync<T>(column, new ReadOnlyMemory<T?>(values));
        }
    }

    private sealed class TimestampExportColumn(string name, bool nullable, Func<int, (long Ticks, short Offset)?> value) : ExportColumn
    {
        private readonly DateTimeDataField _time = ParquetColumns.TimestampField(name, nullable);
        private readonly DataField<short> _offset = new(name + ParquetColumns.OffsetSuffix, nullable);

        public override IEnumerable<Field> Fields => [_time, _offset];

        public override async Task WriteAsync(ParquetRowGroupWriter group, int start, int count)
        {
            var times = new DateTime?[count];
            var offsets = new short?[count];
            for (var i = 0; i < count; i++)
            {
                if (value(start + i) is { } v)
                {
                    times[i] = new DateTime(v.Ticks, DateTimeKind.Utc);
                    offsets[i] = v.Offset;
                }
            }

            if (nullable)
            {
                await group.WriteAsync<DateTime>(_time, new ReadOnlyMemory<DateTime?>(times)).ConfigureAwait(false);
                await group.WriteAsync<short>(_offset, new ReadOnlyMemory<short?>(offsets)).ConfigureAwait(false);
            }
            else
            {
                await group.WriteAsync<DateTime>(_time, new ReadOnlyMemory<DateTime>(Array.ConvertAll(times, t => t!.Value))).ConfigureAwait(false);
                await group.WriteAsync<short>(_offset, new ReadOnlyMemory<short>(Array.ConvertAll(offsets, o => o!.Value))).ConfigureAwait(false);
            }
        }
    }
}
