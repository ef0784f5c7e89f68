using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Cases;

/// <summary>Attribute values as the JSON values they are: text, number, boolean or timestamp.</summary>
public static class AttributeJson
{
    /// <summary>The JSON value of <paramref name="value"/>: a string, long, double (non-finite as text), bool or timestamp; null for none.</summary>
    public static object? From(AttributeValue? value) => value is not { } v
        ? null
        : v.Type switch
        {
            AttributeType.String => v.AsString(),
            AttributeType.Long => v.AsLong(),
            AttributeType.Double => v.AsDouble() is var d && double.IsFinite(d) ? d : d.ToString(CultureInfo.InvariantCulture),
            AttributeType.Boolean => v.AsBoolean(),
            _ => v.AsDateTimeOffset(),
        };

    /// <summary>The values of <paramref name="columns"/> that <paramref name="row"/> has, by attribute name.</summary>
    public static Dictionary<string, object?> Row(IReadOnlyList<AttributeColumn> columns, int row)
    {
        ArgumentNullException.ThrowIfNull(columns);
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
