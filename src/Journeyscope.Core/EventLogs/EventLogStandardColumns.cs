namespace Journeyscope.EventLogs;

/// <summary>The optional standard event columns, carried together through sorting and selection.</summary>
internal readonly record struct EventLogStandardColumns(
    StringColumn? Lifecycle,
    StringColumn? Resource,
    StringColumn? Channel,
    TimestampColumn? StartTimestamps)
{
    public EventLogStandardColumns Gather(ReadOnlySpan<int> rows) => new(
        (StringColumn?)Lifecycle?.Gather(rows),
        (StringColumn?)Resource?.Gather(rows),
        (StringColumn?)Channel?.Gather(rows),
        (TimestampColumn?)StartTimestamps?.Gather(rows));
}
