namespace Journeyscope.EventLogs;

/// <summary>A 64-bit integer column with a validity bitmap.</summary>
public sealed class Int64Column : AttributeColumn
{
    private readonly long[] _values;
    private readonly ValidityBitmap _validity;

    internal Int64Column(string name, long[] values, ValidityBitmap validity)
        : base(name, values.Length)
    {
        _values = values;
        _validity = validity;
    }

    /// <inheritdoc />
    public override AttributeType Type => AttributeType.Long;

    /// <summary>The value of each row; meaningful only where <see cref="Validity"/> is set.</summary>
    public ReadOnlySpan<long> Values => _values;

    /// <summary>Which rows have a value.</summary>
    public ValidityBitmap Validity => _validity;

    /// <inheritdoc />
    public override bool IsValid(int row) => _validity[row];

    /// <inheritdoc />
    public override AttributeValue? GetValue(int row) => _validity[row] ? AttributeValue.FromLong(_values[row]) : null;

    /// <inheritdoc />
    public override AttributeColumn Gather(ReadOnlySpan<int> rows)
    {
        var values = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = _values[rows[i]];
        }

        return new Int64Column(Name, values, _validity.Gather(rows));
    }
}
