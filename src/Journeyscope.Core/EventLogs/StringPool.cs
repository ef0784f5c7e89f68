namespace Journeyscope.EventLogs;

/// <summary>Interns strings to dense codes; looks up by span so parsers need not allocate for repeated values.</summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _values = [];

    public StringPool() => _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _values.Count;

    public int Intern(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var code))
        {
            return code;
        }

        var text = value.ToString();
        code = _values.Count;
        _codes.Add(text, code);
        _values.Add(text);
        return code;
    }

    public int Intern(string value)
    {
        if (_codes.TryGetValue(value, out var code))
        {
            return code;
        }

        code = _values.Count;
        _codes.Add(value, code);
        _values.Add(value);
        return code;
    }

    public string this[int code] => _values[code];

    public string[] ToArray() => [.. _values];
}
