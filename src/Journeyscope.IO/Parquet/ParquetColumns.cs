using Parquet.Schema;

namespace Journeyscope.IO;

/// <summary>Column names and schema pieces shared by the Parquet importer and exporter.</summary>
internal static class ParquetColumns
{
    public const string CaseId = "case_id";
    public const string Activity = "activity";
    public const string Timestamp = "timestamp";
    public const string StartTimestamp = "start_timestamp";
    public const string Lifecycle = "lifecycle";
    public const string Resource = "resource";
    public const string Channel = "channel";
    public const string OffsetSuffix = "_offset_minutes";
    public const string CasePrefix = "case:";

    /// <summary>Parquet nanosecond timestamps cover 1677-09-21 to 2262-04-11.</summary>
    public static readonly long MinTicks = DateTime.UnixEpoch.Ticks + (long.MinValue / 100);

    /// <summary>The last instant a nanosecond timestamp can hold.</summary>
    public static readonly long MaxTicks = DateTime.UnixEpoch.Ticks + (long.MaxValue / 100);

    public static DateTimeDataField TimestampField(string name, bool nullable) =>
        new(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Nanos, isNullable: nullable);

    /// <summary>The column's value type; text read from files (<c>ReadOnlyMemory&lt;char&gt;</c>) counts as string.</summary>
    public static Type ValueType(DataField field)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type == typeof(ReadOnlyMemory<char>) ? typeof(string) : type;
    }
}
