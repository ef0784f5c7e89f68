using Journeyscope.EventLogs;

namespace Journeyscope.Server.Api;

/// <summary>Attribute values as the JSON values they are: text, number, boolean or timestamp.</summary>
internal static class JsonValues
{
    public static object? From(AttributeValue? value) => value is not { } v
        ? null
        : v.Type switch
        {
            AttributeType.String => v.AsString(),
            AttributeType.Long => v.AsLong(),
            AttributeType.Double => v.AsDouble() is var d && double.IsFinite(d) ? d : d.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AttributeType.Boolean => v.AsBoolean(),
            _ => v.AsDateTimeOffset(),
        };

    public static Dictionary<string, object?> Row(IReadOnlyList<AttributeColumn> columns, int row)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.IsValid(row))
            {
                values[column.Name] = From(column.GetValue(row));
            }
        }

        return values;
    }
}
