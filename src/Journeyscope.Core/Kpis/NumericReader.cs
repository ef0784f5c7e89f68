using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

/// <summary>Reads an attribute column as numbers: integers, doubles, booleans (1/0) and numeric text.</summary>
internal sealed class NumericReader
{
    private readonly AttributeColumn? _column;
    private readonly double[]? _stringValues;

    public NumericReader(AttributeColumn? column)
    {
        _column = column;
        if (column is StringColumn strings)
        {
            // Parse each distinct string once: scores imported as text still count.
            _stringValues = new double[strings.Dictionary.Count];
            for (var i = 0; i < _stringValues.Length; i++)
            {
                _stringValues[i] = double.TryParse(strings.Dictionary[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
            }
        }
    }

    /// <summary>Whether the column exists.</summary>
    public bool Exists => _column is not null;

    public bool TryGet(int row, out double value)
    {
        switch (_column)
        {
            case DoubleColumn doubles when doubles.Validity[row]:
                value = doubles.Values[row];
                return !double.IsNaN(value);
            case Int64Column longs when longs.Validity[row]:
                value = longs.Values[row];
                return true;
            case BooleanColumn booleans when booleans.Validity[row]:
                value = booleans.Values[row] ? 1 : 0;
                return true;
            case StringColumn strings:
                var code = strings.Codes[row];
                value = code >= 0 ? _stringValues![code] : double.NaN;
                return !double.IsNaN(value);
            default:
                value = double.NaN;
                return false;
        }
    }
}
