using Journeyscope.Erasure;
using Journeyscope.EventLogs;
using Journeyscope.Storage.Erasure;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    // The tables in the order the receipt lists them.
    private static readonly string[] ErasedTables =
    [
        "events", "cases", "identity_links", "collector_messages", "quarantine", "objects", "object_attributes", "event_objects",
        "object_objects", "ocel_events",
    ];

    private const int MaximumMarkers = 200;
    private const int MinimumMarkerLength = 8;

    /// <summary>
    /// Deletes every row of the customer <paramref name="customerId"/> (and of every id merged into it) in one transaction,
    /// adds their ids to the suppression list and bumps the version; on a dry run, counts the same rows and rolls back.
    /// </summary>
    /// <remarks>The deleted values stay in the database file until it is compacted (<see cref="DatabaseCompaction"/>).</remarks>
    internal ErasureDeletion DeleteCustomer(string customerId, bool dryRun, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            var ids = IdsOf(customerId);
            Execute("CREATE OR REPLACE TEMP TABLE erase_ids (id VARCHAR)");
            using (var appender = _connection.CreateAppender("erase_ids"))
            {
                foreach (var id in ids)
                {
                    appender.CreateRow().AppendValue(id).EndRow();
                }
            }

            var markers = MarkerValues();
            cancellationToken.ThrowIfCancellationRequested();
            var removed = new List<ErasedRows>(ErasedTables.Length);
            long version;
            using (var transaction = _connection.BeginTransaction())
            {
                try
                {
                    var counts = DeleteRows(ids);
                    foreach (var table in ErasedTables)
                    {
                        removed.Add(new ErasedRows(table, counts.GetValueOrDefault(table)));
                    }

                    version = ReadVersion();
                    if (dryRun)
                    {
                        RollBack(transaction);
                    }
                    else
                    {
                        SuppressionList.Add(_connection, ids, _time.GetUtcNow().UtcTicks);
                        version++;
                        WriteVersion(version);
                        transaction.Commit();
                        _shared.Journal.Clear();
                        _shared.Version = version;
                    }
                }
                catch
                {
                    RollBack(transaction);
                    throw;
                }
            }

            Execute("DROP TABLE IF EXISTS erase_ids");
            Execute("DROP TABLE IF EXISTS erase_events");
            if (!dryRun)
            {
                Execute("FORCE CHECKPOINT");
            }

            return new ErasureDeletion(ids, markers, removed, version);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How many rows of the database hold one of <paramref name="needles"/> in any text column (the logical verification).</summary>
    internal long CountRowsMentioning(IReadOnlyList<string> needles)
    {
        if (needles.Count == 0)
        {
            return 0;
        }

        Enter();
        try
        {
            Execute("CREATE OR REPLACE TEMP TABLE erase_needles (n VARCHAR)");
            using (var appender = _connection.CreateAppender("erase_needles"))
            {
                foreach (var needle in needles)
                {
                    appender.CreateRow().AppendValue(needle).EndRow();
                }
            }

            var columns = new List<(string Table, string Column)>();
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() " +
                    "AND schema_name = 'main' AND NOT internal AND data_type = 'VARCHAR' AND table_name <> 'suppressed_ids'";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            long rows = 0;
            foreach (var (table, column) in columns)
            {
                var quoted = StoreSchema.Quote(column);
                rows += Scalar($"SELECT count(*) FROM {StoreSchema.Quote(table)} t WHERE t.{quoted} IS NOT NULL AND " +
                    $"EXISTS (SELECT 1 FROM erase_needles n WHERE contains(t.{quoted}, n.n))");
            }

            Execute("DROP TABLE erase_needles");
            return rows;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The customer <paramref name="customerId"/> resolves to, and every id the identity graph merged into it.</summary>
    private List<string> IdsOf(string customerId)
    {
        var graph = ReadIdentityGraph();
        var customer = graph?.Resolve(customerId) ?? customerId;
        var ids = new List<string> { customer };
        if (graph is not null)
        {
            foreach (var (anonymous, target) in graph.Merges)
            {
                if (string.Equals(target, customer, StringComparison.Ordinal))
                {
                    ids.Add(anonymous);
                }
            }
        }

        if (!string.Equals(customer, customerId, StringComparison.Ordinal) && !ids.Contains(customerId))
        {
            ids.Add(customerId);
        }

        return ids;
    }

    /// <summary>
    /// The customer's own text values (event and case attributes) that no other case holds in the same column, at least
    /// <see cref="MinimumMarkerLength"/> characters long: what the verification searches for besides the ids.
    /// </summary>
    private List<string> MarkerValues()
    {
        var markers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in _registry.All)
        {
            if (attribute.Type != AttributeType.String || markers.Count >= MaximumMarkers)
            {
                continue;
            }

            var table = attribute.Scope == AttributeScope.Event ? "events" : "cases";
            var column = attribute.Column.Quoted();
            using var command = _connection.CreateCommand();
            command.CommandText =
                $"SELECT DISTINCT t.{column} FROM {table} t WHERE t.case_id IN (SELECT id FROM erase_ids) AND length(t.{column}) >= {MinimumMarkerLength} " +
                $"AND NOT EXISTS (SELECT 1 FROM {table} o WHERE o.{column} = t.{column} AND o.case_id NOT IN (SELECT id FROM erase_ids)) " +
                $"LIMIT {MaximumMarkers}";
            using var reader = command.ExecuteReader();
            while (reader.Read() && markers.Count < MaximumMarkers)
            {
                markers.Add(reader.GetString(0));
            }
        }

        return [.. markers];
    }

    private Dictionary<string, long> DeleteRows(List<string> ids)
    {
        const string Ids = "(SELECT id FROM erase_ids)";
        const string Events = "(SELECT event_id FROM erase_events)";

        // The customer's event ids (the message ids of collected events) and the messages of its identity observations
        // name its rows in the collector's dedup table and in the object-centric tables.
        Execute(
            $"CREATE OR REPLACE TEMP TABLE erase_events AS SELECT event_id FROM events WHERE case_id IN {Ids} " +
            $"UNION SELECT message_id FROM identity_links WHERE customer_id IN {Ids} OR anonymous_id IN {Ids} " +
            $"UNION SELECT event_id FROM event_objects WHERE object_id IN {Ids}");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["events"] = Execute($"DELETE FROM events WHERE case_id IN {Ids}"),
            ["change_journal"] = Execute("DELETE FROM change_journal"),
            ["cases"] = Execute($"DELETE FROM cases WHERE case_id IN {Ids}"),
            ["identity_links"] = Execute($"DELETE FROM identity_links WHERE customer_id IN {Ids} OR anonymous_id IN {Ids}"),
            ["collector_messages"] = Execute($"DELETE FROM collector_messages WHERE message_id IN {Events}"),
            ["object_attributes"] = Execute(
                $"DELETE FROM object_attributes WHERE (owner_kind = '{ObjectOwner}' AND owner_id IN {Ids}) OR (owner_kind = '{EventOwner}' AND owner_id IN {Events})"),
            ["event_objects"] = Execute($"DELETE FROM event_objects WHERE object_id IN {Ids} OR event_id IN {Events}"),
            ["object_objects"] = Execute($"DELETE FROM object_objects WHERE source_id IN {Ids} OR target_id IN {Ids}"),
            ["objects"] = Execute($"DELETE FROM objects WHERE object_id IN {Ids}"),
            ["ocel_events"] = Execute($"DELETE FROM ocel_events WHERE event_id IN {Events}"),
            ["quarantine"] = DeleteQuarantine(ids),
        };
        return counts;
    }

    /// <summary>
    /// Deletes the quarantined records that name one of <paramref name="ids"/> as a whole token of their text, field or
    /// reason (a bad line of the customer's), found by a substring pre-filter in SQL and a token check here.
    /// </summary>
    private long DeleteQuarantine(List<string> ids)
    {
        var tokens = new HashSet<string>(ids, StringComparer.Ordinal);
        var seqs = new List<long>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText =
                "SELECT q.seq, q.raw_text, q.field, q.reason FROM quarantine q WHERE EXISTS (SELECT 1 FROM erase_ids i WHERE " +
                "contains(coalesce(q.raw_text, ''), i.id) OR contains(coalesce(q.field, ''), i.id) OR contains(q.reason, i.id))";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var column = 1; column <= 3; column++)
                {
                    if (!reader.IsDBNull(column) && SuppressionList.HasToken(reader.GetString(column), tokens))
                    {
                        seqs.Add(reader.GetInt64(0));
                        break;
                    }
                }
            }
        }

        if (seqs.Count == 0)
        {
            return 0;
        }

        Execute("CREATE OR REPLACE TEMP TABLE erase_quarantine (seq BIGINT)");
        using (var appender = _connection.CreateAppender("erase_quarantine"))
        {
            foreach (var seq in seqs)
            {
                appender.CreateRow().AppendValue(seq).EndRow();
            }
        }

        var deleted = Execute("DELETE FROM quarantine WHERE seq IN (SELECT seq FROM erase_quarantine)");
        Execute("DROP TABLE erase_quarantine");
        return deleted;
    }
}
