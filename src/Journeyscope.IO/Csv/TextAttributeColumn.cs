using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>
/// Collects one text column (dictionary-encoded, one code per row) while a file streams, tracking which types every
/// distinct value fits, so the column's type is decided from all values and each distinct value is parsed once.
/// </summary>
internal sealed class TextAttributeColumn
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _values = [];
    private readonly List<byte> _flags = [];
    private readonly TimeZoneInfo _zone;
    private int[] _codes = new int[64];
    private byte _common = AttributeText.All;

    public TextAttributeColumn(string name, AttributeType? forced, bool detect, TimeZoneInfo zone)
    {
        Name = name;
        Forced = forced;
        Detect = detect;
        _zone = zone;
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        Array.Fill(_codes, -1);
    }

    public string Name { get; }

    public AttributeType? Forced { get; }

    public bool Detect { get; }

    public int RowCount { get; private set; }

    /// <summary>Interns a value; false when a forced type does not fit it.</summary>
    public bool TryIntern(ReadOnlySpan<char> text, out int code)
    {
        if (!_lookup.TryGetValue(text, out code))
        {
            var value = text.ToString();
            code = _values.Count;
            _values.Add(value);
            _flags.Add(Forced is AttributeType.String || (Forced is null && !Detect) ? (byte)0 : AttributeText.Classify(value, _zone));
            _index.Add(value, code);
        }

        if (Forced is { } forced && forced != AttributeType.String && (_flags[code] & AttributeText.FlagOf(forced)) == 0)
        {
            return false;
        }

        _common &= _flags[code];
        return true;
    }

    /// <summary>True when the value is a number beyond the range of a double and the column is numeric so far.</summary>
    public bool IsOutOfRange(int code) =>
        (_flags[code] & AttributeText.OutOfRange) != 0 && (Forced is AttributeType.Double or AttributeType.Long || (Forced is null && (_common & AttributeText.Double) != 0));

    public void Set(int row, int code)
    {
        if (row >= _codes.Length)
        {
            var old = _codes.Length;
            Array.Resize(ref _codes, Math.Max(row + 1, old * 2));
            Array.Fill(_codes, -1, old, _codes.Length - old);
        }

        var previous = _codes[row];
        if (previous >= 0 && previous != code)
        {
            // Only case attributes are set twice for a row (one per case, from each of its rows): the last value wins.
            if (Conflicts == 0)
            {
                FirstConflict = (row, _values[previous], _values[code]);
            }

            Conflicts++;
        }

        _codes[row] = code;
        RowCount = Math.Max(RowCount, row + 1);
    }

    /// <summary>How often a row's value was replaced by a different one (case attributes differing between a case's rows).</summary>
    public long Conflicts { get; private set; }

    /// <summary>The first replacement: the row (case ordinal), the value it had and the value that replaced it.</summary>
    public (int Row, string Old, string New) FirstConflict { get; private set; }

    /// <summary>The type given, or the most specific type all values fit.</summary>
    public AttributeType ResolveType() =>
        Forced ?? (Detect && _values.Count > 0 ? AttributeText.TypeOf(_common) : AttributeType.String);

    /// <summary>Each distinct value parsed as <paramref name="type"/>.</summary>
    public AttributeValue[] ParsedValues(AttributeType type)
    {
        var parsed = new AttributeValue[_values.Count];
        var flag = AttributeText.FlagOf(type);
        for (var i = 0; i < parsed.Length; i++)
        {
            // Values that did not fit a forced type belong to quarantined rows and are never referenced.
            if (flag == 0 || (_flags[i] & flag) != 0)
            {
                parsed[i] = AttributeText.Parse(_values[i], type, _zone);
            }
        }

        return parsed;
    }

    public ReadOnlySpan<int> Codes => _codes.AsSpan(0, RowCount);
}
