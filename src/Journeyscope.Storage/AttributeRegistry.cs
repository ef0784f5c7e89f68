using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Journeyscope.EventLogs;

namespace Journeyscope.Storage;

/// <summary>
/// The attribute registry (<c>attributes</c> table) and the typed columns it names in <c>events</c> and <c>cases</c>.
/// New attributes add columns; a type conflict widens the stored column (long+double to double, else to string).
/// </summary>
/// <remarks>Used under the workspace gate. After a rolled-back transaction, call <see cref="Reload"/>.</remarks>
internal sealed class AttributeRegistry
{
    private readonly List<StoredAttribute> _all = [];

    public IReadOnlyList<StoredAttribute> All => _all;

    public List<StoredAttribute> InScope(AttributeScope scope)
    {
        var result = new List<StoredAttribute>();
        foreach (var attribute in _all)
        {
            if (attribute.Scope == scope)
            {
                result.Add(attribute);
            }
        }

        return result;
    }

    public void Reload(DuckDBConnection connection)
    {
        _all.Clear();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, scope, name, type, column_name FROM attributes ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _all.Add(new StoredAttribute(
                reader.GetInt32(0),
                Enum.Parse<AttributeScope>(reader.GetString(1)),
                reader.GetString(2),
                Enum.Parse<AttributeType>(reader.GetString(3)),
                reader.GetString(4)));
        }
    }

    /// <summary>Widens stored columns whose type conflicts with an incoming column; call outside any transaction.</summary>
    public void Widen(DuckDBConnection connection, AttributeScope scope, IReadOnlyList<AttributeColumn> incoming)
    {
        foreach (var column in incoming)
        {
            var index = _all.FindIndex(a => a.Scope == scope && string.Equals(a.Name, column.Name, StringComparison.Ordinal));
            if (index >= 0)
            {
                Widen(connection, index, column.Type);
            }
        }
    }

    /// <summary>The stored attribute for <paramref name="name"/>, adding its column when new (inside the import transaction).</summary>
    public StoredAttribute Ensure(DuckDBConnection connection, AttributeScope scope, string name, AttributeType type)
    {
        var index = _all.FindIndex(a => a.Scope == scope && string.Equals(a.Name, name, StringComparison.Ordinal));
        if (index < 0)
        {
            var id = _all.Count == 0 ? 1 : _all.Max(a => a.Id) + 1;
            var attribute = new StoredAttribute(id, scope, name, type, ColumnName(scope, name, id));
            Execute(connection, $"ALTER TABLE {attribute.Table} ADD COLUMN {attribute.Column.Quoted()} {StoredAttribute.SqlType(type)}");
            if (type == AttributeType.Timestamp)
            {
                Execute(connection, $"ALTER TABLE {attribute.Table} ADD COLUMN {attribute.OffsetColumn.Quoted()} SMALLINT");
            }

            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO attributes VALUES ($id, $scope, $name, $type, $column)";
            insert.Parameters.Add(new DuckDBParameter("id", id));
            insert.Parameters.Add(new DuckDBParameter("scope", scope.ToString()));
            insert.Parameters.Add(new DuckDBParameter("name", name));
            insert.Parameters.Add(new DuckDBParameter("type", type.ToString()));
            insert.Parameters.Add(new DuckDBParameter("column", attribute.Column));
            insert.ExecuteNonQuery();
            _all.Add(attribute);
            return attribute;
        }

        return _all[index];
    }

    private StoredAttribute Widen(DuckDBConnection connection, int index, AttributeType type)
    {
        var stored = _all[index];
        var target = StoredAttribute.Widen(stored.Type, type);
        if (target == stored.Type)
        {
            return stored;
        }

        // DuckDB cannot alter a table it has already modified in the same transaction, so the column is widened in
        // transactions of its own; each leaves the data and the registry consistent.
        if (target == AttributeType.String)
        {
            using var transaction = connection.BeginTransaction();
            StageText(connection, stored);
            transaction.Commit();
        }

        using (var transaction = connection.BeginTransaction())
        {
            if (target == AttributeType.String)
            {
                SwapInText(connection, stored);
            }
            else
            {
                Execute(connection, $"ALTER TABLE {stored.Table} ALTER COLUMN {stored.Column.Quoted()} TYPE DOUBLE");
            }

            using (var update = connection.CreateCommand())
            {
                update.CommandText = "UPDATE attributes SET type = $type WHERE id = $id";
                update.Parameters.Add(new DuckDBParameter("type", target.ToString()));
                update.Parameters.Add(new DuckDBParameter("id", stored.Id));
                update.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        var widened = stored with { Type = target };
        _all[index] = widened;
        return widened;
    }

    /// <summary>Reads a stored value of <paramref name="type"/> at <paramref name="ordinal"/> (timestamps use two ordinals).</summary>
    public static AttributeValue? Read(DuckDBDataReader reader, int ordinal, AttributeType type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type switch
        {
            AttributeType.String => AttributeValue.FromString(reader.GetString(ordinal)),
            AttributeType.Long => AttributeValue.FromLong(reader.GetInt64(ordinal)),
            AttributeType.Double => AttributeValue.FromDouble(reader.GetDouble(ordinal)),
            AttributeType.Boolean => AttributeValue.FromBoolean(reader.GetBoolean(ordinal)),
            _ => AttributeValue.FromTimestamp(reader.GetInt64(ordinal), reader.GetInt16(ordinal + 1)),
        };
    }

    private static string ColumnName(AttributeScope scope, string name, int id)
    {
        var text = new StringBuilder(scope == AttributeScope.Event ? "a_" : "c_");
        foreach (var c in name)
        {
            if (text.Length >= 40)
            {
                break;
            }

            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return text.Append('_').Append(id.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>Adds a text copy of a column, formatting each value as <see cref="AttributeValue.ToString"/> does (bulk, via a staging table).</summary>
    private static void StageText(DuckDBConnection connection, StoredAttribute stored)
    {
        Execute(connection, "CREATE OR REPLACE TEMP TABLE widen_stage (k VARCHAR, v VARCHAR)");
        using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT {stored.KeyColumn}, {stored.QuotedColumns} FROM {stored.Table} WHERE {stored.Column.Quoted()} IS NOT NULL";
            using var reader = read.ExecuteReader();
            using var appender = connection.CreateAppender("widen_stage");
            while (reader.Read())
            {
                var value = Read(reader, 1, stored.Type)!.Value;
                appender.CreateRow().AppendValue(reader.GetString(0)).AppendValue(value.ToString()).EndRow();
            }
        }

        var temporary = (stored.Column + "_text").Quoted();
        Execute(connection, $"ALTER TABLE {stored.Table} ADD COLUMN IF NOT EXISTS {temporary} VARCHAR");
        Execute(connection, $"UPDATE {stored.Table} SET {temporary} = w.v FROM widen_stage w WHERE {stored.Table}.{stored.KeyColumn} = w.k");
        Execute(connection, "DROP TABLE widen_stage");
    }

    /// <summary>Replaces a column by its text copy from <see cref="StageText"/>.</summary>
    private static void SwapInText(DuckDBConnection connection, StoredAttribute stored)
    {
        var temporary = (stored.Column + "_text").Quoted();
        Execute(connection, $"ALTER TABLE {stored.Table} DROP COLUMN {stored.Column.Quoted()}");
        if (stored.Type == AttributeType.Timestamp)
        {
            Execute(connection, $"ALTER TABLE {stored.Table} DROP COLUMN {stored.OffsetColumn.Quoted()}");
        }

        Execute(connection, $"ALTER TABLE {stored.Table} RENAME COLUMN {temporary} TO {stored.Column.Quoted()}");
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
