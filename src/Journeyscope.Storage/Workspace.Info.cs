using System.Text;
using Journeyscope.IO;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <summary>
    /// Summarises the workspace: cases, events, activities, variants, time range, attributes with type and
    /// cardinality, the quarantine by source and reason, and the import history. Computed in SQL, without loading the log.
    /// </summary>
    public WorkspaceInfo GetInfo()
    {
        Enter();
        try
        {
            long cases = 0, events = 0, activities = 0;
            DateTimeOffset? first = null, last = null;
            using (var query = Query("SELECT count(DISTINCT case_id), count(*), count(DISTINCT activity), min(ts), max(ts) FROM events"))
            {
                var reader = query.Reader;
                reader.Read();
                cases = reader.GetInt64(0);
                events = reader.GetInt64(1);
                activities = reader.GetInt64(2);
                if (!reader.IsDBNull(3))
                {
                    first = new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero);
                    last = new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero);
                }
            }

            // A variant is a case's activity sequence, ordered as the event log orders it: by time, ties by source order.
            var variants = Scalar(
                "SELECT count(DISTINCT trace) FROM (SELECT list(activity ORDER BY ts, seq) AS trace FROM events GROUP BY case_id)");

            return new WorkspaceInfo
            {
                Version = ReadVersion(),
                CaseCount = cases,
                EventCount = events,
                ActivityCount = activities,
                VariantCount = variants,
                FirstTimestamp = first,
                LastTimestamp = last,
                Attributes = ReadAttributeInfo(),
                QuarantineCount = Scalar("SELECT count(*) FROM quarantine"),
                QuarantineBySource = ReadCounts("SELECT source, count(*) AS n FROM quarantine GROUP BY source ORDER BY n DESC, source"),
                TopQuarantineReasons = ReadCounts(
                    "SELECT reason, count(*) AS n FROM quarantine GROUP BY reason ORDER BY n DESC, reason LIMIT 10"),
                Imports = ReadImports(),
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The number of events and of cases: what a list of workspaces shows, without the rest of <see cref="GetInfo"/>.</summary>
    public (long Events, long Cases) GetCounts()
    {
        Enter();
        try
        {
            using var query = Query("SELECT count(*), count(DISTINCT case_id) FROM events");
            var reader = query.Reader;
            reader.Read();
            return (reader.GetInt64(0), reader.GetInt64(1));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The first <paramref name="limit"/> quarantined records, in import order.</summary>
    public IReadOnlyList<QuarantinedRecord> GetQuarantine(int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Enter();
        try
        {
            var records = new List<QuarantinedRecord>();
            using var query = Query(
                "SELECT source, line, byte_offset, field, reason, raw_text FROM quarantine ORDER BY seq LIMIT " +
                limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var reader = query.Reader;
            while (reader.Read())
            {
                records.Add(new QuarantinedRecord(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }

            return records;
        }
        finally
        {
            _gate.Release();
        }
    }

    private List<AttributeInfo> ReadAttributeInfo()
    {
        var result = new List<AttributeInfo>();
        foreach (var scope in (ReadOnlySpan<AttributeScope>)[AttributeScope.Event, AttributeScope.Case])
        {
            var attributes = _registry.InScope(scope);
            if (attributes.Count == 0)
            {
                continue;
            }

            // Cases without events are not part of the log, so they are not counted either.
            var from = scope == AttributeScope.Event
                ? "events"
                : "cases WHERE case_id IN (SELECT case_id FROM events)";
            var sql = new StringBuilder("SELECT ");
            foreach (var attribute in attributes)
            {
                var column = attribute.Column.Quoted();
                sql.Append("count(DISTINCT ").Append(column).Append("), count(*) - count(").Append(column).Append("), ");
            }

            sql.Append("0 FROM ").Append(from);
            using var query = Query(sql.ToString());
            var reader = query.Reader;
            reader.Read();
            for (var a = 0; a < attributes.Count; a++)
            {
                result.Add(new AttributeInfo(scope, attributes[a].Name, attributes[a].Type, reader.GetInt64(2 * a), reader.GetInt64((2 * a) + 1)));
            }
        }

        return result;
    }

    private List<QuarantineCount> ReadCounts(string sql)
    {
        var result = new List<QuarantineCount>();
        using var query = Query(sql);
        var reader = query.Reader;
        while (reader.Read())
        {
            result.Add(new QuarantineCount(reader.GetString(0), reader.GetInt64(1)));
        }

        return result;
    }

    private List<ImportRecord> ReadImports()
    {
        var result = new List<ImportRecord>();
        using var query = Query(
            "SELECT id, source, format, records_read, records_imported, records_quarantined, events_added, " +
            "duplicates_skipped, at_ticks FROM imports ORDER BY id");
        var reader = query.Reader;
        while (reader.Read())
        {
            result.Add(new ImportRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero)));
        }

        return result;
    }
}
