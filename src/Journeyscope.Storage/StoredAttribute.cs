using Journeyscope.EventLogs;

namespace Journeyscope.Storage;

/// <summary>One row of the <c>attributes</c> registry: an attribute and the column(s) that hold it.</summary>
/// <param name="Id">Registry id; also the attribute's position in loaded logs.</param>
/// <param name="Scope">Event or case.</param>
/// <param name="Name">The attribute name as imported.</param>
/// <param name="Type">The stored type.</param>
/// <param name="Column">The column name in <c>events</c> or <c>cases</c>; timestamps also have <c>Column_off</c>.</param>
internal sealed record StoredAttribute(int Id, AttributeScope Scope, string Name, AttributeType Type, string Column)
{
    public string Table => Scope == AttributeScope.Event ? "events" : "cases";

    public string KeyColumn => Scope == AttributeScope.Event ? "event_id" : "case_id";

    public string OffsetColumn => Column + "_off";

    /// <summary>The columns holding the value, quoted, comma-separated.</summary>
    public string QuotedColumns => Type == AttributeType.Timestamp
        ? StoreSchema.Quote(Column) + ", " + StoreSchema.Quote(OffsetColumn)
        : StoreSchema.Quote(Column);

    /// <summary>The SQL type of the value column.</summary>
    public static string SqlType(AttributeType type) => type switch
    {
        AttributeType.String => "VARCHAR",
        AttributeType.Long => "BIGINT",
        AttributeType.Double => "DOUBLE",
        AttributeType.Boolean => "BOOLEAN",
        _ => "BIGINT",
    };

    /// <summary>Column definitions (name and type) for this attribute, quoted.</summary>
    public string ColumnDefinitions => Type == AttributeType.Timestamp
        ? StoreSchema.Quote(Column) + " BIGINT, " + StoreSchema.Quote(OffsetColumn) + " SMALLINT"
        : StoreSchema.Quote(Column) + " " + SqlType(Type);

    /// <summary>The type a column of <paramref name="stored"/> values becomes when <paramref name="incoming"/> values arrive.</summary>
    /// <remarks>The same rule as the event log builder: long and double widen to double, any other mix to string.</remarks>
    public static AttributeType Widen(AttributeType stored, AttributeType incoming) =>
        stored == incoming ? stored
        : (stored, incoming) is (AttributeType.Long, AttributeType.Double) or (AttributeType.Double, AttributeType.Long)
            ? AttributeType.Double
            : AttributeType.String;
}
