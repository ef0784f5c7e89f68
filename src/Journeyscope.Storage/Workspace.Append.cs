using System.Text;
using DuckDB.NET.Data;
using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    private const int CancellationStride = 1 << 16;

    /// <summary>
    /// Appends an import to the workspace in one transaction: its events (every one, identical ones included, except
    /// those whose (case, id) is already stored and repeats of a given id in a case; see docs/storage.md), its cases
    /// and case attributes, its quarantined records and its objects.
    /// </summary>
    /// <param name="result">What the importer produced.</param>
    /// <param name="sourceName">The name recorded for the import (usually the file name).</param>
    /// <param name="cancellationToken">Cancels the append; nothing is stored then.</param>
    /// <returns>The counts, and the workspace version after the append (bumped only when something was added).</returns>
    /// <remarks>
    /// Events go through the DuckDB appender straight into <c>events</c>; occurrence numbers and already stored ids
    /// are found first on 128-bit keys and the in-memory filter of stored id hashes (only its hits semi-joined), so the data is written once and never held twice in memory. Case attributes of cases already stored are only filled
    /// where they were missing, never overwritten.
    /// </remarks>
    public async Task<ImportSummary> AppendAsync(ImportResult result, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var log = result.Log;
            _registry.Widen(_connection, AttributeScope.Event, log.EventAttributes);
            _registry.Widen(_connection, AttributeScope.Case, log.CaseAttributes);
            using var transaction = _connection.BeginTransaction();
            try
            {
                var before = _shared.Version;
                var summary = Append(result, sourceName, cancellationToken);
                var touched = TouchedCases(log);
                WriteJournal(before, summary.Version, touched);
                transaction.Commit();
                _shared.Commit(summary.Version, touched);
                return summary;
            }
            catch
            {
                RollBack(transaction);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void RollBack(DuckDBTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (InvalidOperationException)
        {
            // DuckDB already aborted the transaction after the error; nothing is left to undo.
        }

        _registry.Reload(_connection);
    }

    private ImportSummary Append(ImportResult result, string sourceName, CancellationToken cancellationToken, bool checkStoredIds = true)
    {
        result = WithoutErased(result, sourceName);
        var log = result.Log.TimeBasis == TimeBasis.Utc ? result.Log : result.Log.ToTimeBasis(TimeBasis.Utc);
        var importId = Scalar("SELECT coalesce(max(id), 0) + 1 FROM imports");
        var baseSeq = Scalar("SELECT coalesce(max(seq) + 1, 0) FROM events");

        var eventAttributes = new StoredAttribute[log.EventAttributes.Count];
        for (var a = 0; a < eventAttributes.Length; a++)
        {
            var column = log.EventAttributes[a];
            eventAttributes[a] = _registry.Ensure(_connection, AttributeScope.Event, column.Name, column.Type);
        }

        var caseAttributes = new StoredAttribute[log.CaseAttributes.Count];
        for (var a = 0; a < caseAttributes.Length; a++)
        {
            var column = log.CaseAttributes[a];
            caseAttributes[a] = _registry.Ensure(_connection, AttributeScope.Case, column.Name, column.Type);
        }

        var added = AppendEvents(log, baseSeq, importId, eventAttributes, checkStoredIds, cancellationToken);

        var casesChanged = AppendCases(log, baseSeq, importId, caseAttributes);
        var quarantineAdded = AppendQuarantine(result.Quarantine, importId);
        var objectsAdded = result.Objects is null ? 0 : AppendObjects(result.Objects, importId);

        var changed = added > 0 || casesChanged > 0 || quarantineAdded > 0 || objectsAdded > 0;
        var current = ReadVersion();
        var version = changed ? current + 1 : current;
        var at = _time.GetUtcNow();
        var summary = new ImportSummary(
            importId, sourceName, result.Format, result.RecordsRead, result.RecordsImported, result.Quarantine.Count,
            added, log.EventCount - added, at, version);
        using (var insert = _connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO imports VALUES ($id, $source, $format, $read, $imported, $quarantined, $added, $duplicates, $at)";
            insert.Parameters.Add(new DuckDBParameter("id", importId));
            insert.Parameters.Add(new DuckDBParameter("source", sourceName));
            insert.Parameters.Add(new DuckDBParameter("format", result.Format));
            insert.Parameters.Add(new DuckDBParameter("read", result.RecordsRead));
            insert.Parameters.Add(new DuckDBParameter("imported", result.RecordsImported));
            insert.Parameters.Add(new DuckDBParameter("quarantined", (long)result.Quarantine.Count));
            insert.Parameters.Add(new DuckDBParameter("added", (long)added));
            insert.Parameters.Add(new DuckDBParameter("duplicates", summary.DuplicatesSkipped));
            insert.Parameters.Add(new DuckDBParameter("at", at.UtcTicks));
            insert.ExecuteNonQuery();
        }

        if (changed)
        {
            using var update = _connection.CreateCommand();
            update.CommandText = "UPDATE meta SET value = $value WHERE key = 'workspace_version'";
            update.Parameters.Add(new DuckDBParameter("value", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            update.ExecuteNonQuery();
        }

        return summary;
    }

    private long AppendCases(EventLog log, long baseSeq, long importId, StoredAttribute[] attributes)
    {
        Execute($"CREATE OR REPLACE TEMP TABLE stage_cases (case_id VARCHAR, first_seq BIGINT{ColumnDefinitions(attributes)})");
        using (var appender = _connection.CreateAppender("stage_cases"))
        {
            for (var c = 0; c < log.CaseCount; c++)
            {
                var row = appender.CreateRow().AppendValue(log.CaseIds[c]).AppendValue(baseSeq + log.CaseStarts[c]);
                for (var a = 0; a < attributes.Length; a++)
                {
                    AppendAttribute(row, log.CaseAttributes[a], c, attributes[a].Type);
                }

                row.EndRow();
            }
        }

        var columns = ColumnList(attributes);
        long changed = Execute(
            $"INSERT INTO cases (case_id, first_seq, import_id{columns}) SELECT case_id, first_seq, {importId}{columns} " +
            "FROM stage_cases s WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.case_id = s.case_id)");
        if (attributes.Length > 0)
        {
            // Fill only what is missing on cases stored before: a later file never overwrites a known value.
            var set = new StringBuilder();
            var where = new StringBuilder();
            foreach (var attribute in attributes)
            {
                var column = attribute.Column.Quoted();
                var fill = $"cases.{column} IS NULL AND s.{column} IS NOT NULL";
                set.Append(set.Length == 0 ? string.Empty : ", ")
                    .Append(column + " = CASE WHEN " + fill + " THEN s." + column + " ELSE cases." + column + " END");
                if (attribute.Type == AttributeType.Timestamp)
                {
                    var offset = attribute.OffsetColumn.Quoted();
                    set.Append(", " + offset + " = CASE WHEN " + fill + " THEN s." + offset + " ELSE cases." + offset + " END");
                }

                where.Append(where.Length == 0 ? string.Empty : " OR ").Append('(').Append(fill).Append(')');
            }

            changed += Execute($"UPDATE cases SET {set} FROM stage_cases s WHERE cases.case_id = s.case_id AND ({where})");
        }

        Execute("DROP TABLE stage_cases");
        return changed;
    }

    private long AppendQuarantine(IReadOnlyList<QuarantinedRecord> records, long importId)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        var baseSeq = Scalar("SELECT coalesce(max(seq) + 1, 0) FROM quarantine");
        Execute(
            "CREATE OR REPLACE TEMP TABLE stage_quarantine (seq BIGINT, source VARCHAR, line BIGINT, byte_offset BIGINT, " +
            "field VARCHAR, reason VARCHAR, raw_text VARCHAR)");
        using (var appender = _connection.CreateAppender("stage_quarantine"))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                appender.CreateRow()
                    .AppendValue(baseSeq + i)
                    .AppendValue(record.Source)
                    .AppendValue(record.Line)
                    .AppendValue(record.ByteOffset)
                    .AppendValue(record.Field)
                    .AppendValue(record.Reason)
                    .AppendValue(record.RawText)
                    .EndRow();
            }
        }

        // The same record from the same source (a re-imported file) is stored once.
        var added = Execute(
            $"INSERT INTO quarantine SELECT seq, {importId}, source, line, byte_offset, field, reason, raw_text " +
            "FROM stage_quarantine s WHERE NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.source = s.source " +
            "AND q.line = s.line AND q.byte_offset = s.byte_offset AND q.field IS NOT DISTINCT FROM s.field " +
            "AND q.reason = s.reason AND q.raw_text IS NOT DISTINCT FROM s.raw_text)");
        Execute("DROP TABLE stage_quarantine");
        return added;
    }

    private static void AppendAttribute(IDuckDBAppenderRow row, AttributeColumn column, int index, AttributeType stored)
    {
        switch (stored)
        {
            case AttributeType.String:
                row.AppendValue(column is StringColumn text ? text.GetString(index) : column.GetValue(index)?.ToString());
                break;
            case AttributeType.Long:
                var longs = (Int64Column)column;
                row.AppendValue(longs.IsValid(index) ? longs.Values[index] : (long?)null);
                break;
            case AttributeType.Double:
                if (column is Int64Column whole)
                {
                    row.AppendValue(whole.IsValid(index) ? whole.Values[index] : (double?)null);
                }
                else
                {
                    var doubles = (DoubleColumn)column;
                    row.AppendValue(doubles.IsValid(index) ? doubles.Values[index] : (double?)null);
                }

                break;
            case AttributeType.Boolean:
                var flags = (BooleanColumn)column;
                row.AppendValue(flags.IsValid(index) ? flags.Values[index] : (bool?)null);
                break;
            default:
                var times = (TimestampColumn)column;
                if (times.IsValid(index))
                {
                    row.AppendValue(times.UtcTicks[index]).AppendValue(times.OffsetMinutes[index]);
                }
                else
                {
                    row.AppendNullValue().AppendNullValue();
                }

                break;
        }
    }

    private static string ColumnDefinitions(StoredAttribute[] attributes)
    {
        var text = new StringBuilder();
        foreach (var attribute in attributes)
        {
            text.Append(", ").Append(attribute.ColumnDefinitions);
        }

        return text.ToString();
    }

    private static string ColumnList(StoredAttribute[] attributes)
    {
        var text = new StringBuilder();
        foreach (var attribute in attributes)
        {
            text.Append(", ").Append(attribute.QuotedColumns);
        }

        return text.ToString();
    }
}
