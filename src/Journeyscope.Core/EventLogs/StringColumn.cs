namespace Journeyscope.EventLogs;

/// <summary>A dictionary-encoded string column: one <see cref="int"/> code per row, <c>-1</c> when missing.</summary>
public sealed class StringColumn : AttributeColumn
{
    private readonly int[] _codes;
    private readonly string[] _dictionary;

    /// <summary>Creates a column from codes into <paramref name="dictionary"/>; <c>-1</c> marks a missing value.</summary>
    public StringColumn(string name, int[] codes, string[] dictionary)
        : base(name, codes.Length)
    {
        _codes = codes;
        _dictionary = dictionary;
    }

    /// <inheritdoc />
    public override AttributeType Type => AttributeType.String;

    /// <summary>The code of each row; <c>-1</c> when missing.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The distinct strings, indexed by code. May hold strings no row uses after a filter.</summary>
    public IReadOnlyList<string> Dictionary => _dictionary;

    /// <summary>The string at <paramref name="row"/>, or <c>null</c> when missing.</summary>
    public string? GetString(int row)
    {
        var code = _codes[row];
        return code < 0 ? null : _dictionary[code];
    }

    /// <inheritdoc />
    public override bool IsValid(int row) => _codes[row] >= 0;

    /// <inheritdoc />
    public override AttributeValue? GetValue(int row)
    {
        var code = _codes[row];
        return code < 0 ? null : AttributeValue.FromString(_dictionary[code]);
    }

    /// <inheritdoc />
    public override AttributeColumn Gather(ReadOnlySpan<int> rows)
    {
        var codes = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = _codes[rows[i]];
        }

        return new StringColumn(Name, codes, _dictionary);
    }
}
