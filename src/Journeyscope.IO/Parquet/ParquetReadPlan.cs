using System.Globalization;
using Journeyscope.EventLogs;
using Parquet;
using Parquet.Schema;

namespace Journeyscope.IO;

/// <summary>Which Parquet columns feed which part of the log, decided once from the schema.</summary>
internal sealed class ParquetReadPlan
{
    private readonly DataField _caseId;
    private readonly DataField _activity;
    private readonly TimeSource _timestamp;
    private readonly TimeSource? _start;
    private readonly DataField? _lifecycle;
    private readonly DataField? _resource;
    private readonly DataField? _channel;
    private readonly List<AttributeSource> _attributes;

    private ParquetReadPlan(
        DataField caseId, DataField activity, TimeSource timestamp, TimeSource? start, DataField? lifecycle, DataField? resource,
        DataField? channel, List<AttributeSource> attributes)
    {
        _caseId = caseId;
        _activity = activity;
        _timestamp = timestamp;
        _start = start;
        _lifecycle = lifecycle;
        _resource = resource;
        _channel = channel;
        _attributes = attributes;
    }

    public static ParquetReadPlan Create(IReadOnlyList<DataField> fields, ImportSession session)
    {
        var byName = new Dictionary<string, DataField>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (field.IsArray || field.MaxRepetitionLevel > 0)
            {
                session.Warn($"The column '{field.Name}' is a list and was skipped.");
                continue;
            }

            byName.TryAdd(field.Name, field);
        }

        DataField Required(string name) =>
            byName.TryGetValue(name, out var field) ? field : throw session.Fatal(0, -1, name, $"the required column '{name}' is missing");

        var caseId = Required(ParquetColumns.CaseId);
        var activity = Required(ParquetColumns.Activity);
        var timestamp = Time(Required(ParquetColumns.Timestamp), byName, session)
            ?? throw session.Fatal(0, -1, ParquetColumns.Timestamp, "the column 'timestamp' is neither a timestamp nor text");
        var used = new HashSet<string>(StringComparer.Ordinal) { ParquetColumns.CaseId, ParquetColumns.Activity, ParquetColumns.Timestamp };
        TimeSource? start = null;
        if (byName.TryGetValue(ParquetColumns.StartTimestamp, out var startField))
        {
            start = Time(startField, byName, session);
            used.Add(ParquetColumns.StartTimestamp);
        }

        DataField? Optional(string name) => used.Add(name) && byName.TryGetValue(name, out var f) ? f : null;
        var lifecycle = Optional(ParquetColumns.Lifecycle);
        var resource = Optional(ParquetColumns.Resource);
        var channel = Optional(ParquetColumns.Channel);

        // Offset companions of timestamp columns are consumed with them.
        foreach (var field in byName.Values)
        {
            if (IsTimestamp(field))
            {
                used.Add(field.Name + ParquetColumns.OffsetSuffix);
            }
        }

        var attributes = new List<AttributeSource>();
        foreach (var field in fields)
        {
            if (used.Contains(field.Name) || !byName.TryGetValue(field.Name, out var current) || !ReferenceEquals(current, field))
            {
                continue;
            }

            var type = AttributeTypeOf(field);
            if (type is null)
            {
                session.Warn($"The column '{field.Name}' has an unsupported type ({ParquetColumns.ValueType(field).Name}) and was skipped.");
                continue;
            }

            var isCase = field.Name.StartsWith(ParquetColumns.CasePrefix, StringComparison.Ordinal);
            var name = isCase ? field.Name[ParquetColumns.CasePrefix.Length..] : field.Name;
            var offset = type == AttributeType.Timestamp ? OffsetField(field.Name, byName) : null;
            attributes.Add(new AttributeSource(field, offset, name, type.Value, isCase));
        }

        return new ParquetReadPlan(caseId, activity, timestamp, start, lifecycle, resource, channel, attributes);
    }

    public void CreateHandles(EventLogBuilder builder)
    {
        foreach (var attribute in _attributes)
        {
            attribute.Handle = attribute.IsCase
                ? builder.GetCaseAttributeHandle(attribute.Name, attribute.Type)
                : builder.GetEventAttributeHandle(attribute.Name, attribute.Type);
        }
    }

    public async Task<ParquetBatch> ReadAsync(ParquetRowGroupReader group, int count, CancellationToken cancellationToken)
    {
        var batch = new ParquetBatch
        {
            CaseIds = await ParquetValues.ReadStringsAsync(group, _caseId, count, cancellationToken).ConfigureAwait(false),
            Activities = await ParquetValues.ReadStringsAsync(group, _activity, count, cancellationToken).ConfigureAwait(false),
            Timestamps = await ParquetValues.ReadTimesAsync(group, _timestamp, count, cancellationToken).ConfigureAwait(false),
            Starts = _start is null ? null : await ParquetValues.ReadTimesAsync(group, _start, count, cancellationToken).ConfigureAwait(false),
            Lifecycle = await ParquetValues.ReadOptionalStringsAsync(group, _lifecycle, count, cancellationToken).ConfigureAwait(false),
            Resource = await ParquetValues.ReadOptionalStringsAsync(group, _resource, count, cancellationToken).ConfigureAwait(false),
            Channel = await ParquetValues.ReadOptionalStringsAsync(group, _channel, count, cancellationToken).ConfigureAwait(false),
            Attributes = new (AttributeSource, AttributeValue?[])[_attributes.Count],
        };
        for (var a = 0; a < _attributes.Count; a++)
        {
            var source = _attributes[a];
            batch.Attributes[a] = (source, await ParquetValues.ReadAttributeAsync(group, source, count, cancellationToken).ConfigureAwait(false));
        }

        return batch;
    }

    internal static bool IsTimestamp(DataField field) => ParquetColumns.ValueType(field) == typeof(DateTime);

    private static TimeSource? Time(DataField field, Dictionary<string, DataField> byName, ImportSession session)
    {
        var type = ParquetColumns.ValueType(field);
        if (type != typeof(DateTime) && type != typeof(string))
        {
            session.Warn($"The column '{field.Name}' is {type.Name}, not a timestamp.");
            return null;
        }

        return new TimeSource(field, OffsetField(field.Name, byName));
    }

    private static DataField? OffsetField(string name, Dictionary<string, DataField> byName) =>
        byName.TryGetValue(name + ParquetColumns.OffsetSuffix, out var offset) &&
        ParquetColumns.ValueType(offset) is var t && (t == typeof(short) || t == typeof(int) || t == typeof(long))
            ? offset
            : null;

    private static AttributeType? AttributeTypeOf(DataField field)
    {
        var type = ParquetColumns.ValueType(field);
        return type switch
        {
            _ when type == typeof(string) => AttributeType.String,
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte) ||
                   type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) => AttributeType.Long,
            _ when type == typeof(double) || type == typeof(float) => AttributeType.Double,
            _ when type == typeof(bool) => AttributeType.Boolean,
            _ when type == typeof(DateTime) => AttributeType.Timestamp,
            _ => null,
        };
    }

    internal static string Describe(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>A time column and its optional offset companion.</summary>
internal sealed record TimeSource(DataField Field, DataField? Offset);

/// <summary>An attribute column: its field, offset companion (timestamps), target name and type.</summary>
internal sealed record AttributeSource(DataField Field, DataField? Offset, string Name, AttributeType Type, bool IsCase)
{
    public int Handle { get; set; }
}
