using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Collects one JSON key's values while a file streams; the column type is decided once all are seen.</summary>
internal sealed class JsonAttributeColumn(string name)
{
    private readonly List<int> _rows = [];
    private readonly List<AttributeValue> _values = [];
    private AttributeType? _type;
    private bool _mixed;
    private bool _numeric = true;

    public string Name { get; } = name;

    /// <summary>Whether values of different JSON types were seen (the column falls back to a wider type).</summary>
    public bool Mixed => _mixed;

    public void Add(int row, AttributeValue value)
    {
        _rows.Add(row);
        _values.Add(value);
        _numeric &= value.Type is AttributeType.Long or AttributeType.Double;
        if (_type is null)
        {
            _type = value.Type;
        }
        else if (_type != value.Type)
        {
            _mixed = true;
        }
    }

    /// <summary>One type for every value: the shared type, double for longs mixed with doubles, else string.</summary>
    public AttributeType ResolveType() =>
        !_mixed ? _type ?? AttributeType.String : _numeric ? AttributeType.Double : AttributeType.String;

    public void Apply(Action<int, AttributeValue> set)
    {
        var type = ResolveType();
        for (var i = 0; i < _rows.Count; i++)
        {
            var value = _values[i];
            if (value.Type != type)
            {
                value = type == AttributeType.Double ? AttributeValue.FromDouble(value.AsLong()) : AttributeValue.FromString(value.ToString());
            }

            set(_rows[i], value);
        }
    }
}
