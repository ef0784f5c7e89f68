namespace Journeyscope.EventLogs;

/// <summary>A 64-bit floating-point column with a validity bitmap.</summary>
public sealed class DoubleColumn : AttributeColumn
{
    private readonly double[] _values;
    private readonly ValidityBitmap _validity;

    internal DoubleColumn(string name, double[] values, ValidityBitmap validity)
        : base(name, values.Length)
    {
        _values = values;
        _validity = validity;
    }

    /// <inheritdoc />
    public override AttributeType Type => AttributeType.Double;

    /// <summary>The value of each row; meaningful only where <see cref="Validity"/> is set.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Which rows have a value.</summary>
    public ValidityBitmap Validity => _validity;

    /// <inheritdoc />
    public override bool IsValid(int row) => _validity[row];

    /// <inheritdoc />
    public override AttributeValue? GetValue(int row) => _validity[row] ? AttributeValue.FromDouble(_values[row]) : null;

    /// <inheritdoc />
    public override AttributeColumn Gather(ReadOnlySpan<int> rows)
    {
        var values = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = _values[rows[i]];
        }

        return new DoubleColumn(Name, values, _validity.Gather(rows));
    }
}
