using System.Collections;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using Journeyscope.EventLogs;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <summary>
    /// Appends the events of <paramref name="log"/> straight into <c>events</c> with the DuckDB appender, skipping
    /// given ids repeated in the same case (the first occurrence wins) and (case, id) pairs already stored.
    /// </summary>
    /// <remarks>
    /// Events of identical content in one case are real, distinct events: each is numbered by its occurrence among
    /// them (1, 2, ...), and the number is part of its id, so a file keeps all of them while a re-import (or an
    /// overlapping export) maps each onto the id already stored and adds only the occurrences not yet stored.
    /// Occurrences are counted in memory on 128-bit keys, so no id string is held for the whole log. Pairs already
    /// stored are found through a narrow staging table (case, id, position): its rows whose (case, id) hash is in the
    /// in-memory filter of stored hashes (<see cref="SharedStore.EventIds"/>) are the only ones semi-joined against
    /// <c>events</c>, and only when the workspace has events. Every row is then written once, in the table's own column
    /// order, and the hashes of the rows written join the filter.
    /// </remarks>
    private long AppendEvents(
        EventLog log, long baseSeq, long importId, StoredAttribute[] attributes, bool checkStoredIds, CancellationToken cancellationToken)
    {
        var identity = new EventIdentity(log);
        var keys = new UInt128[log.EventCount];
        var occurrences = new int[log.EventCount];
        var skip = new BitArray(log.EventCount);
        var counts = new Dictionary<UInt128, int>(log.EventCount);
        for (var c = 0; c < log.CaseCount; c++)
        {
            var end = log.CaseStarts[c + 1];
            for (var e = log.CaseStarts[c]; e < end; e++)
            {
                if ((e & (CancellationStride - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                keys[e] = identity.KeyOf(e, c);
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, keys[e], out _);
                occurrences[e] = ++count;

                // A given id names one event: its repeats in the same case are re-sent copies, not new events.
                if (count > 1 && identity.IsGiven(e))
                {
                    skip[e] = true;
                }
            }
        }

        counts = null;
        if (checkStoredIds && Scalar("SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1)") > 0)
        {
            SkipStoredIds(log, identity, keys, occurrences, skip, cancellationToken);
        }

        var plan = ColumnPlan(attributes);
        long added = 0;
        using (var appender = _connection.CreateAppender("events"))
        {
            added = WriteEvents(appender, log, identity, keys, occurrences, skip, plan, baseSeq, importId, attributes, cancellationToken);
        }

        RememberEventIds(baseSeq);
        return added;
    }

    private static long WriteEvents(
        DuckDBAppender appender, EventLog log, EventIdentity identity, UInt128[] keys, int[] occurrences, BitArray skip,
        List<PlannedColumn> plan, long baseSeq, long importId, StoredAttribute[] attributes, CancellationToken cancellationToken)
    {
        var offsets = log.OffsetMinutes;
        var hasOffsets = log.HasOffsets;
        var start = log.StartTimestamps;
        long added = 0;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var caseId = log.CaseIds[c];
            var end = log.CaseStarts[c + 1];
            for (var e = log.CaseStarts[c]; e < end; e++)
            {
                if ((e & (CancellationStride - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (skip[e])
                {
                    continue;
                }

                var row = appender.CreateRow();
                foreach (var column in plan)
                {
                    switch (column.Kind)
                    {
                        case ColumnKind.EventId: row.AppendValue(identity.IdOf(e, keys[e], occurrences[e])); break;
                        case ColumnKind.Seq: row.AppendValue(baseSeq + e); break;
                        case ColumnKind.CaseId: row.AppendValue(caseId); break;
                        case ColumnKind.Activity: row.AppendValue(log.ActivityNames[log.Activities[e]]); break;
                        case ColumnKind.Timestamp: row.AppendValue(log.Timestamps[e]); break;
                        case ColumnKind.Offset: row.AppendValue(hasOffsets ? offsets[e] : (short)0); break;
                        case ColumnKind.StartTimestamp:
                            row.AppendValue(start is not null && start.IsValid(e) ? start.UtcTicks[e] : (long?)null);
                            break;
                        case ColumnKind.StartOffset:
                            row.AppendValue(start is not null && start.IsValid(e) ? start.OffsetMinutes[e] : (short?)null);
                            break;
                        case ColumnKind.Lifecycle: row.AppendValue(log.Lifecycle?.GetString(e)); break;
                        case ColumnKind.Resource: row.AppendValue(log.Resource?.GetString(e)); break;
                        case ColumnKind.Channel: row.AppendValue(log.Channel?.GetString(e)); break;
                        case ColumnKind.ImportId: row.AppendValue(importId); break;
                        case ColumnKind.Attribute:
                            AppendAttributePart(row, log.EventAttributes[column.Attribute], e, attributes[column.Attribute].Type, column.OffsetPart);
                            break;
                        default: row.AppendNullValue(); break;
                    }
                }

                row.EndRow();
                added++;
            }
        }

        return added;
    }

    private void SkipStoredIds(
        EventLog log, EventIdentity identity, UInt128[] keys, int[] occurrences, BitArray skip, CancellationToken cancellationToken)
    {
        Execute("CREATE OR REPLACE TEMP TABLE stage_ids (case_id VARCHAR, event_id VARCHAR, position BIGINT)");
        using (var appender = _connection.CreateAppender("stage_ids"))
        {
            for (var c = 0; c < log.CaseCount; c++)
            {
                var caseId = log.CaseIds[c];
                var end = log.CaseStarts[c + 1];
                for (var e = log.CaseStarts[c]; e < end; e++)
                {
                    if ((e & (CancellationStride - 1)) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (!skip[e])
                    {
                        appender.CreateRow()
                            .AppendValue(caseId)
                            .AppendValue(identity.IdOf(e, keys[e], occurrences[e]))
                            .AppendValue((long)e)
                            .EndRow();
                    }
                }
            }
        }

        // Only the staged pairs whose hash a stored pair shares can be stored: those alone are checked exactly.
        var filter = _shared.EventIds.Get(_connection, cancellationToken);
        var suspects = new List<long>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT position, hash(case_id, event_id) FROM stage_ids";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (filter.Contains(reader.GetFieldValue<ulong>(1)))
                {
                    suspects.Add(reader.GetInt64(0));
                }
            }
        }

        if (suspects.Count > 0)
        {
            Execute("CREATE OR REPLACE TEMP TABLE stage_suspects (position BIGINT)");
            using (var appender = _connection.CreateAppender("stage_suspects"))
            {
                foreach (var position in suspects)
                {
                    appender.CreateRow().AppendValue(position).EndRow();
                }
            }

            using (var command = _connection.CreateCommand())
            {
                command.CommandText =
                    "SELECT s.position FROM stage_ids s JOIN stage_suspects p ON p.position = s.position WHERE EXISTS " +
                    "(SELECT 1 FROM events e WHERE e.event_id = s.event_id AND e.case_id = s.case_id)";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    skip[(int)reader.GetInt64(0)] = true;
                }
            }

            Execute("DROP TABLE stage_suspects");
        }

        Execute("DROP TABLE stage_ids");
    }

    /// <summary>
    /// The rows just written (<c>seq</c> from <paramref name="baseSeq"/>, which zone maps skip to) join the filter when it is
    /// loaded or being loaded in the background.
    /// </summary>
    private void RememberEventIds(long baseSeq)
    {
        var filter = _shared.EventIds;
        if (!filter.Wanted)
        {
            return;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT hash(case_id, event_id) FROM events WHERE seq >= $from";
        command.Parameters.Add(new DuckDBParameter("from", baseSeq));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            filter.Add(reader.GetFieldValue<ulong>(0));
        }
    }

    /// <summary>What goes into each column of <c>events</c>, in the table's column order.</summary>
    private List<PlannedColumn> ColumnPlan(StoredAttribute[] attributes)
    {
        var byColumn = new Dictionary<string, PlannedColumn>(StringComparer.Ordinal);
        for (var a = 0; a < attributes.Length; a++)
        {
            byColumn[attributes[a].Column] = new PlannedColumn(ColumnKind.Attribute, a, OffsetPart: false);
            if (attributes[a].Type == AttributeType.Timestamp)
            {
                byColumn[attributes[a].OffsetColumn] = new PlannedColumn(ColumnKind.Attribute, a, OffsetPart: true);
            }
        }

        var plan = new List<PlannedColumn>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('events') ORDER BY cid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            plan.Add(name switch
            {
                "event_id" => new PlannedColumn(ColumnKind.EventId),
                "seq" => new PlannedColumn(ColumnKind.Seq),
                "case_id" => new PlannedColumn(ColumnKind.CaseId),
                "activity" => new PlannedColumn(ColumnKind.Activity),
                "ts" => new PlannedColumn(ColumnKind.Timestamp),
                "offset_min" => new PlannedColumn(ColumnKind.Offset),
                "start_ts" => new PlannedColumn(ColumnKind.StartTimestamp),
                "start_offset_min" => new PlannedColumn(ColumnKind.StartOffset),
                "lifecycle" => new PlannedColumn(ColumnKind.Lifecycle),
                "resource" => new PlannedColumn(ColumnKind.Resource),
                "channel" => new PlannedColumn(ColumnKind.Channel),
                "import_id" => new PlannedColumn(ColumnKind.ImportId),
                _ => byColumn.TryGetValue(name, out var attribute) ? attribute : new PlannedColumn(ColumnKind.Null),
            });
        }

        return plan;
    }

    private static void AppendAttributePart(IDuckDBAppenderRow row, AttributeColumn column, int index, AttributeType stored, bool offsetPart)
    {
        if (stored != AttributeType.Timestamp)
        {
            AppendAttribute(row, column, index, stored);
            return;
        }

        var times = (TimestampColumn)column;
        if (!times.IsValid(index))
        {
            row.AppendNullValue();
        }
        else if (offsetPart)
        {
            row.AppendValue(times.OffsetMinutes[index]);
        }
        else
        {
            row.AppendValue(times.UtcTicks[index]);
        }
    }

    private enum ColumnKind
    {
        Null,
        EventId,
        Seq,
        CaseId,
        Activity,
        Timestamp,
        Offset,
        StartTimestamp,
        StartOffset,
        Lifecycle,
        Resource,
        Channel,
        ImportId,
        Attribute,
    }

    private readonly record struct PlannedColumn(ColumnKind Kind, int Attribute = -1, bool OffsetPart = false);
}
