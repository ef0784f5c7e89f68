using Journeyscope.EventLogs;

namespace Journeyscope.Server.Services;

/// <summary>Estimates the memory an <see cref="EventLog"/> holds in its own column arrays.</summary>
/// <remarks>
/// Counts what a filtered log allocates: the event columns (activity codes, timestamps, offsets, lifecycle, resource,
/// channel, start times, every event attribute), the case columns (ids, offsets, case attributes) and array headers.
/// Dictionaries (activity names, string attribute values) and the case id strings are shared with the log a filter
/// was applied to, so they are not counted. O(number of columns).
/// </remarks>
public static class EventLogSize
{
    private const long ArrayOverhead = 24;
    private const long ColumnOverhead = 64;

    /// <summary>The estimated bytes of <paramref name="log"/>'s own columns.</summary>
    public static long Estimate(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        long events = log.EventCount;
        long cases = log.CaseCount;
        var bytes = 256L // the object and its fields
            + (ArrayOverhead * 4) + (events * (sizeof(int) + sizeof(long))) // activity codes, timestamps
            + (cases * IntPtr.Size) + ((cases + 1) * sizeof(int)); // case id references, case offsets
        if (log.HasOffsets)
        {
            bytes += ArrayOverhead + (events * sizeof(short));
        }

        bytes += Column(log.Lifecycle) + Column(log.Resource) + Column(log.Channel) + Column(log.StartTimestamps);
        foreach (var column in log.EventAttributes)
        {
            bytes += Column(column);
        }

        foreach (var column in log.CaseAttributes)
        {
            bytes += Column(column);
        }

        return bytes;
    }

    /// <summary>The estimated bytes of one column's arrays (its dictionary excluded).</summary>
    public static long Column(AttributeColumn? column)
    {
        if (column is null)
        {
            return 0;
        }

        long rows = column.Length;
        var validity = ArrayOverhead + (((rows + 63) / 64) * sizeof(ulong));
        return ColumnOverhead + column switch
        {
            StringColumn => ArrayOverhead + (rows * sizeof(int)),
            DoubleColumn => ArrayOverhead + (rows * sizeof(double)) + validity,
            Int64Column => ArrayOverhead + (rows * sizeof(long)) + validity,
            BooleanColumn => ArrayOverhead + (rows * sizeof(bool)) + validity,
            TimestampColumn => (2 * ArrayOverhead) + (rows * (sizeof(long) + sizeof(short))) + validity,
            _ => ArrayOverhead + (rows * sizeof(long)) + validity,
        };
    }
}
