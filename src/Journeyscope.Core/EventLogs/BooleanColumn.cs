namespace Journeyscope.EventLogs;

/// <summary>A boolean column with a validity bitmap.</summary>
public sealed class BooleanColumn : AttributeColumn
{
    private readonly bool[] _values;
    private readonly ValidityBitmap _validity;

    internal BooleanColumn(string name, bool[] values, ValidityBitmap validity)
        : base(name, values.Length)
    {
        _values = values;
        _validity = validity;
    }

    /// <inheritdoc />
    public override AttributeType Type => AttributeType.Boolean;

    /// <summary>The value of each row; meaningful only where <see cref="Validity"/> is set.</summary>
    public ReadOnlySpan<bool> Values => _values;

    /// <summary>Which rows have a value.</summary>
    public ValidityBitmap Validity => _validity;

    /// <inheritdoc />
    public override bool IsValid(int row) => _validity[row];

    /// <inheritdoc />
    public override AttributeValue? GetValue(int row) => _validity[row] ? AttributeValue.FromBoolean(_values[row]) : null;

    /// <inheritdoc />
    public override AttributeColumn Gather(ReadOnlySpan<int> rows)
    {
        var values = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = _values[rows[i]];
        }

        return new BooleanColumn(Name, values, _validity.Gather(rows));
    }
}
