using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>One row group's columns, turned into events row by row.</summary>
internal sealed class ParquetBatch
{
    public required string?[] CaseIds { get; init; }

    public required string?[] Activities { get; init; }

    public required (long Ticks, short Offset)?[] Timestamps { get; init; }

    public (long Ticks, short Offset)?[]? Starts { get; init; }

    public string?[]? Lifecycle { get; init; }

    public string?[]? Resource { get; init; }

    public string?[]? Channel { get; init; }

    public required (AttributeSource Source, AttributeValue?[] Values)[] Attributes { get; init; }

    /// <summary>Adds row <paramref name="i"/> as an event, or quarantines it (row <paramref name="row"/> of the file).</summary>
    public void AddRow(EventLogBuilder builder, int i, long row, ImportSession session)
    {
        var caseId = CaseIds[i];
        var activity = Activities[i];
        var field = string.IsNullOrEmpty(caseId) ? ParquetColumns.CaseId
            : activity is null ? ParquetColumns.Activity
            : Timestamps[i] is null ? ParquetColumns.Timestamp
            : null;
        if (field is not null)
        {
            var reason = field == ParquetColumns.Timestamp
                ? "the timestamp is missing or not a valid time"
                : $"the {field} is missing";
            session.Reject(row, -1, field, reason, $"case_id={caseId}, activity={activity}");
            return;
        }

        var time = Timestamps[i]!.Value;
        var ev = builder.AddEvent(caseId, activity, time.Ticks, time.Offset);
        if (Starts?[i] is { } start)
        {
            builder.SetStartTimestamp(ev, start.Ticks, start.Offset);
        }

        if (Lifecycle?[i] is { } lifecycle)
        {
            builder.SetLifecycle(ev, lifecycle);
        }

        if (Resource?[i] is { } resource)
        {
            builder.SetResource(ev, resource);
        }

        if (Channel?[i] is { } channel)
        {
            builder.SetChannel(ev, channel);
        }

        foreach (var (source, values) in Attributes)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            if (source.IsCase)
            {
                builder.SetCaseAttribute(caseId, source.Handle, value);
            }
            else
            {
                builder.SetEventAttribute(ev, source.Handle, value);
            }
        }
    }
}
