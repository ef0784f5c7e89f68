using System.Globalization;
using Journeyscope.EventLogs;
using Microsoft.Data.Sqlite;

namespace Journeyscope.IO;

/// <summary>
/// Reads the OCEL 2.0 relational schema from a SQLite file opened read-only: <c>event</c>, <c>object</c>,
/// <c>event_object</c>, <c>object_object</c>, <c>event_map_type</c>, <c>object_map_type</c> and one
/// <c>event_&lt;Type&gt;</c> / <c>object_&lt;Type&gt;</c> table per type.
/// </summary>
/// <remarks>
/// Only real tables are read (<c>sqlite_master.type = 'table'</c>, not virtual): a view can be recursive and run
/// forever. Every row read counts against <see cref="ImportOptions.MaxRows"/>, and cancellation (the caller's or the
/// time budget) interrupts SQLite even inside one step.
/// </remarks>
internal static class OcelSqliteReader
{
    private static readonly string[] RequiredTables =
        ["event", "object", "event_object", "object_object", "event_map_type", "object_map_type"];

    public static void Read(string path, OcelCollector collector, CancellationToken cancellationToken)
    {
        var session = collector.Session;
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            using var interrupt = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
            var (tables, others) = Tables(connection);
            foreach (var table in RequiredTables)
            {
                if (!tables.Contains(table))
                {
                    throw session.Fatal(0, -1, table, others.Contains(table)
                        ? $"not an OCEL 2.0 SQLite file: '{table}' is a view or virtual table; only real tables are read"
                        : $"not an OCEL 2.0 SQLite file: the table '{table}' is missing");
                }
            }

            ReadObjects(connection, tables, collector, cancellationToken);
            ReadEvents(connection, tables, collector, cancellationToken);
            using (var command = Command(connection, "SELECT ocel_event_id, ocel_object_id, ocel_qualifier FROM event_object"))
            using (var rows = command.ExecuteReader())
            {
                while (rows.Read())
                {
                    Step(session, cancellationToken);
                    collector.AddEventObject(TextOrEmpty(rows, 0), TextOrNull(rows, 1), TextOrNull(rows, 2));
                }
            }

            using (var command = Command(connection, "SELECT ocel_source_id, ocel_target_id, ocel_qualifier FROM object_object"))
            using (var rows = command.ExecuteReader())
            {
                while (rows.Read())
                {
                    Step(session, cancellationToken);
                    collector.AddObjectObject(TextOrEmpty(rows, 0), TextOrNull(rows, 1), TextOrNull(rows, 2));
                }
            }
        }
        catch (SqliteException) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (SqliteException ex)
        {
            throw session.Fatal(0, -1, null, $"the SQLite file cannot be read as OCEL 2.0: {ex.Message}", ex);
        }
        finally
        {
            // Without pooling the file is closed here; clearing makes sure no handle outlives the import.
            SqliteConnection.ClearAllPools();
        }
    }

    private static void ReadObjects(SqliteConnection connection, HashSet<string> tables, OcelCollector collector, CancellationToken cancellationToken)
    {
        var attributesById = new Dictionary<string, List<OcelAttribute>>(StringComparer.Ordinal);
        foreach (var (type, suffix) in TypeMap(connection, "object_map_type", collector.Session))
        {
            collector.DeclareObjectType(type);
            var table = "object_" + suffix;
            if (!tables.Contains(table))
            {
                continue;
            }

            var columns = Columns(connection, table);
            foreach (var (name, declared) in columns)
            {
                if (!IsReserved(name))
                {
                    collector.DeclareObjectAttribute(type, name, declared);
                }
            }

            using var command = Command(connection, $"SELECT * FROM {Quote(table)}");
            using var rows = command.ExecuteReader();
            var idColumn = IdColumn(rows, table, collector.Session);
            var timeColumn = Ordinal(rows, "ocel_time");
            var changedColumn = Ordinal(rows, "ocel_changed_field");
            while (rows.Read())
            {
                Step(collector.Session, cancellationToken);
                var id = TextOrEmpty(rows, idColumn);
                DateTimeOffset? time = timeColumn >= 0 && OcelValues.TryParseTime(TextOrNull(rows, timeColumn), out var t)
                    ? OcelValues.ObjectAttributeTime(t)
                    : null;
                var changed = changedColumn >= 0 ? TextOrNull(rows, changedColumn) : null;
                if (!attributesById.TryGetValue(id, out var list))
                {
                    list = [];
                    attributesById.Add(id, list);
                }

                for (var c = 0; c < rows.FieldCount; c++)
                {
                    var name = rows.GetName(c);
                    if (IsReserved(name) || rows.IsDBNull(c) ||
                        (changed is not null && !IsChanged(changed, name)))
                    {
                        continue;
                    }

                    list.Add(new OcelAttribute(name, Value(rows, c, collector.ObjectAttributeType(type, name), collector), time));
                }
            }
        }

        using var objects = Command(connection, "SELECT ocel_id, ocel_type FROM object");
        using var objectRows = objects.ExecuteReader();
        while (objectRows.Read())
        {
            Step(collector.Session, cancellationToken);
            var id = TextOrNull(objectRows, 0);
            collector.AddObject(id, TextOrNull(objectRows, 1), id is not null && attributesById.TryGetValue(id, out var list) ? list : []);
        }
    }

    private static void ReadEvents(SqliteConnection connection, HashSet<string> tables, OcelCollector collector, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, (string? Time, List<OcelAttribute> Attributes)>(StringComparer.Ordinal);
        foreach (var (type, suffix) in TypeMap(connection, "event_map_type", collector.Session))
        {
            collector.DeclareEventType(type);
            var table = "event_" + suffix;
            if (!tables.Contains(table))
            {
                continue;
            }

            foreach (var (name, declared) in Columns(connection, table))
            {
                if (!IsReserved(name))
                {
                    collector.DeclareEventAttribute(type, name, declared);
                }
            }

            using var command = Command(connection, $"SELECT * FROM {Quote(table)}");
            using var rows = command.ExecuteReader();
            var idColumn = IdColumn(rows, table, collector.Session);
            var timeColumn = Ordinal(rows, "ocel_time");
            while (rows.Read())
            {
                Step(collector.Session, cancellationToken);
                var attributes = new List<OcelAttribute>();
                for (var c = 0; c < rows.FieldCount; c++)
                {
                    var name = rows.GetName(c);
                    if (!IsReserved(name) && !rows.IsDBNull(c))
                    {
                        attributes.Add(new OcelAttribute(name, Value(rows, c, collector.EventAttributeType(type, name), collector)));
                    }
                }

                details[TextOrEmpty(rows, idColumn)] = (timeColumn >= 0 ? TextOrNull(rows, timeColumn) : null, attributes);
            }
        }

        using var events = Command(connection, "SELECT rowid, ocel_id, ocel_type FROM event");
        using var eventRows = events.ExecuteReader();
        while (eventRows.Read())
        {
            Step(collector.Session, cancellationToken);
            var id = TextOrNull(eventRows, 1);
            var type = TextOrNull(eventRows, 2);
            var (time, attributes) = id is not null && details.TryGetValue(id, out var found) ? found : (null, []);
            if (!collector.AddEvent(id, type, time, attributes, out var field, out var reason))
            {
                collector.Reject(eventRows.GetInt64(0), -1, field, reason, $"event row {eventRows.GetInt64(0)}: id={id}, type={type}, time={time}");
            }
        }
    }

    private static AttributeValue Value(SqliteDataReader rows, int column, AttributeType? declared, OcelCollector collector)
    {
        var value = rows.GetValue(column);
        return (value, declared) switch
        {
            (long l, AttributeType.Long or null) => AttributeValue.FromLong(l),
            (long l, AttributeType.Double) => AttributeValue.FromDouble(l),
            (long l, AttributeType.Boolean) => AttributeValue.FromBoolean(l != 0),
            (double d, AttributeType.Double or null) => AttributeValue.FromDouble(d),
            (string s, _) => collector.Convert(s, declared),
            _ => collector.Convert(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, declared),
        };
    }

    private static bool IsReserved(string column) => column.StartsWith("ocel_", StringComparison.Ordinal);

    private static bool IsChanged(string changed, string name)
    {
        foreach (var part in changed.Split(',', StringSplitOptions.TrimEntries))
        {
            if (string.Equals(part, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts a row against the row budget and checks cancellation every 1,024 rows.</summary>
    private static void Step(ImportSession session, CancellationToken cancellationToken)
    {
        session.RowRead();
        if ((session.RowsRead & 1023) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static int IdColumn(SqliteDataReader rows, string table, ImportSession session)
    {
        var column = Ordinal(rows, "ocel_id");
        return column >= 0 ? column : throw session.Fatal(0, -1, table, $"not an OCEL 2.0 SQLite file: the table '{table}' has no ocel_id column");
    }

    /// <summary>The real tables, and the names of views and virtual tables (never read).</summary>
    private static (HashSet<string> Tables, HashSet<string> Others) Tables(SqliteConnection connection)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        var others = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command(connection, "SELECT name, type, coalesce(sql, '') FROM sqlite_master WHERE type IN ('table', 'view')");
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            var isReal = string.Equals(rows.GetString(1), "table", StringComparison.Ordinal) &&
                !rows.GetString(2).TrimStart().StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase);
            (isReal ? tables : others).Add(rows.GetString(0));
        }

        return (tables, others);
    }

    private static List<(string Type, string Suffix)> TypeMap(SqliteConnection connection, string table, ImportSession session)
    {
        var map = new List<(string, string)>();
        using var command = Command(connection, $"SELECT ocel_type, ocel_type_map FROM {Quote(table)}");
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            session.RowRead();
            if (TextOrNull(rows, 0) is { } type)
            {
                map.Add((type, TextOrNull(rows, 1) ?? type));
            }
        }

        return map;
    }

    private static List<(string Name, string? Declared)> Columns(SqliteConnection connection, string table)
    {
        var columns = new List<(string, string?)>();
        using var command = Command(connection, $"SELECT name, type FROM pragma_table_info({Literal(table)})");
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            columns.Add((rows.GetString(0), SqliteAffinity(TextOrNull(rows, 1))));
        }

        return columns;
    }

    /// <summary>Maps a SQLite declared column type to an OCEL attribute type name.</summary>
    private static string? SqliteAffinity(string? declared)
    {
        var upper = declared?.ToUpperInvariant() ?? string.Empty;
        return upper switch
        {
            _ when upper.Contains("BOOL", StringComparison.Ordinal) => "boolean",
            _ when upper.Contains("INT", StringComparison.Ordinal) => "integer",
            _ when upper.Contains("REAL", StringComparison.Ordinal) || upper.Contains("FLOA", StringComparison.Ordinal) ||
                   upper.Contains("DOUB", StringComparison.Ordinal) => "float",
            _ when upper.Contains("TIME", StringComparison.Ordinal) || upper.Contains("DATE", StringComparison.Ordinal) => "time",
            _ => "string",
        };
    }

    private static int Ordinal(SqliteDataReader rows, string name)
    {
        for (var c = 0; c < rows.FieldCount; c++)
        {
            if (string.Equals(rows.GetName(c), name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return -1;
    }

    private static string? TextOrNull(SqliteDataReader rows, int column) =>
        rows.IsDBNull(column) ? null : System.Convert.ToString(rows.GetValue(column), CultureInfo.InvariantCulture);

    private static string TextOrEmpty(SqliteDataReader rows, int column) => TextOrNull(rows, column) ?? string.Empty;

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the file's own catalogue and are quoted.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
