using Journeyscope.EventLogs;
using Parquet;
using Parquet.Schema;

namespace Journeyscope.IO;

/// <summary>Reads one row group's column into plain arrays, whatever the column's physical type and nullability.</summary>
internal static class ParquetValues
{
    public static async Task<string?[]> ReadStringsAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        if (ParquetColumns.ValueType(field) != typeof(string))
        {
            var values = await ReadAttributeAsync(group, new AttributeSource(field, null, field.Name, AttributeType.String, false), count, cancellationToken).ConfigureAwait(false);
            return Array.ConvertAll(values, v => v?.ToString());
        }

        var strings = new string?[count];
        await group.ReadAsync(field, strings.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return strings;
    }

    public static Task<string?[]?> ReadOptionalStringsAsync(ParquetRowGroupReader group, DataField? field, int count, CancellationToken cancellationToken) =>
        field is null ? Task.FromResult<string?[]?>(null) : ReadStringsOrNullAsync(group, field, count, cancellationToken);

    public static async Task<(long Ticks, short Offset)?[]> ReadTimesAsync(
        ParquetRowGroupReader group, TimeSource source, int count, CancellationToken cancellationToken)
    {
        var result = new (long, short)?[count];
        var offsets = source.Offset is null ? null : await ReadIntegersAsync(group, source.Offset, count, cancellationToken).ConfigureAwait(false);
        if (ParquetColumns.ValueType(source.Field) == typeof(string))
        {
            var texts = await ReadStringsAsync(group, source.Field, count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                if (ParquetImporter.TryParseTime(texts[i], out var time))
                {
                    result[i] = (time.UtcTicks, offsets?[i] is { } o ? (short)o : checked((short)time.Offset.TotalMinutes));
                }
            }

            return result;
        }

        var times = await ReadStructAsync<DateTime>(group, source.Field, count, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            if (times[i] is { } time)
            {
                var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
                result[i] = (utc.Ticks, offsets?[i] is { } o ? (short)o : (short)0);
            }
        }

        return result;
    }

    public static async Task<AttributeValue?[]> ReadAttributeAsync(
        ParquetRowGroupReader group, AttributeSource source, int count, CancellationToken cancellationToken)
    {
        var field = source.Field;
        var type = ParquetColumns.ValueType(field);
        var result = new AttributeValue?[count];
        if (type == typeof(string))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                result[i] = strings[i] is { } s ? AttributeValue.FromString(s) : null;
            }
        }
        else if (type == typeof(DateTime))
        {
            var times = await ReadTimesAsync(group, new TimeSource(field, source.Offset), count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                result[i] = times[i] is { } t ? AttributeValue.FromTimestamp(t.Ticks, t.Offset) : null;
            }
        }
        else if (type == typeof(double) || type == typeof(float))
        {
            var doubles = type == typeof(double)
                ? await ReadStructAsync<double>(group, field, count, cancellationToken).ConfigureAwait(false)
                : Array.ConvertAll(await ReadStructAsync<float>(group, field, count, cancellationToken).ConfigureAwait(false), f => (double?)f);
            for (var i = 0; i < count; i++)
            {
                result[i] = doubles[i] is { } d ? AttributeValue.FromDouble(d) : null;
            }
        }
        else if (type == typeof(bool))
        {
            var flags = await ReadStructAsync<bool>(group, field, count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                result[i] = flags[i] is { } b ? AttributeValue.FromBoolean(b) : null;
            }
        }
        else
        {
            var integers = await ReadIntegersAsync(group, field, count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                result[i] = integers[i] is { } l ? AttributeValue.FromLong(l) : null;
            }
        }

        return result;
    }

    public static async Task<long?[]> ReadIntegersAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        var type = ParquetColumns.ValueType(field);
        if (type == typeof(long))
        {
            return await ReadStructAsync<long>(group, field, count, cancellationToken).ConfigureAwait(false);
        }

        if (type == typeof(int))
        {
            return Array.ConvertAll(await ReadStructAsync<int>(group, field, count, cancellationToken).ConfigureAwait(false), v => (long?)v);
        }

        if (type == typeof(short))
        {
            return Array.ConvertAll(await ReadStructAsync<short>(group, field, count, cancellationToken).ConfigureAwait(false), v => (long?)v);
        }

        if (type == typeof(sbyte))
        {
            return Array.ConvertAll(await ReadStructAsync<sbyte>(group, field, count, cancellationToken).ConfigureAwait(false), v => (long?)v);
        }

        if (type == typeof(byte))
        {
            return Array.ConvertAll(await ReadStructAsync<byte>(group, field, count, cancellationToken).ConfigureAwait(false), v => (long?)v);
        }

        if (type == typeof(ushort))
        {
            return Array.ConvertAll(await ReadStructAsync<ushort>(group, field, count, cancellationToken).ConfigureAwait(false), v => (long?)v);
        }

        return Array.ConvertAll(await ReadStructAsync<uint>(group, field, count, cancellationToken).ConfigureAwait(false), v => (long?)v);
    }

    private static async Task<string?[]?> ReadStringsOrNullAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken) =>
        await ReadStringsAsync(group, field, count, cancellationToken).ConfigureAwait(false);

    private static async Task<T?[]> ReadStructAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[count];
        if (field.IsNullable)
        {
            await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return values;
        }

        var raw = new T[count];
        await group.ReadAsync<T>(field, raw.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            values[i] = raw[i];
        }

        return values;
    }
}
