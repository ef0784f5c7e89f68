using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Tests the rows of one attribute column against a set of values given as text, in the column's own type.</summary>
/// <remarks>
/// Text values are parsed once into the column's type (invariant culture; timestamps as ISO 8601 instants); a value
/// that does not parse matches no row. A missing value (or a missing column) matches nothing.
/// </remarks>
internal sealed class AttributeMatcher
{
    private readonly AttributeColumn? _column;
    private readonly bool[]? _stringCodes;
    private readonly HashSet<long>? _longs;
    private readonly HashSet<double>? _doubles;
    private readonly bool _matchTrue;
    private readonly bool _matchFalse;

    private AttributeMatcher(AttributeColumn? column, IReadOnlyList<string> values)
    {
        _column = column;
        switch (column)
        {
            case StringColumn strings:
                var wanted = new HashSet<string>(values, StringComparer.Ordinal);
                _stringCodes = new bool[strings.Dictionary.Count];
                for (var i = 0; i < _stringCodes.Length; i++)
                {
                    _stringCodes[i] = wanted.Contains(strings.Dictionary[i]);
                }

                break;
            case Int64Column:
                _longs = [];
                foreach (var value in values)
                {
                    if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                    {
                        _longs.Add(parsed);
                    }
                }

                break;
            case DoubleColumn:
                _doubles = [];
                foreach (var value in values)
                {
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                    {
                        _doubles.Add(parsed);
                    }
                }

                break;
            case BooleanColumn:
                foreach (var value in values)
                {
                    if (bool.TryParse(value, out var parsed))
                    {
                        _matchTrue |= parsed;
                        _matchFalse |= !parsed;
                    }
                }

                break;
            case TimestampColumn:
                _longs = [];
                foreach (var value in values)
                {
                    if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    {
                        _longs.Add(parsed.UtcTicks);
                    }
                }

                break;
        }
    }

    /// <summary>Creates a matcher; <paramref name="column"/> may be <c>null</c> (the attribute does not exist: nothing matches).</summary>
    public static AttributeMatcher Create(AttributeColumn? column, IReadOnlyList<string> values) => new(column, values);

    /// <summary>
    /// For each row in [<paramref name="from"/>, <paramref name="to"/>) still set in <paramref name="keep"/>, clears it
    /// unless the row matches (or, when <paramref name="negate"/>, when the row matches).
    /// </summary>
    public void Apply(int from, int to, Span<bool> keep, bool negate)
    {
        switch (_column)
        {
            case StringColumn strings:
                var codes = strings.Codes;
                var set = _stringCodes!;
                for (var row = from; row < to; row++)
                {
                    var code = codes[row];
                    var match = code >= 0 && set[code];
                    keep[row] &= match != negate;
                }

                break;
            case Int64Column longs:
                ApplyLongs(longs.Values, longs.Validity, from, to, keep, negate);
                break;
            case TimestampColumn stamps:
                ApplyLongs(stamps.UtcTicks, stamps.Validity, from, to, keep, negate);
                break;
            case DoubleColumn doubles:
                var values = doubles.Values;
                for (var row = from; row < to; row++)
                {
                    var match = doubles.Validity[row] && _doubles!.Contains(values[row]);
                    keep[row] &= match != negate;
                }

                break;
            case BooleanColumn booleans:
                var flags = booleans.Values;
                for (var row = from; row < to; row++)
                {
                    var match = booleans.Validity[row] && (flags[row] ? _matchTrue : _matchFalse);
                    keep[row] &= match != negate;
                }

                break;
            default:
                if (!negate)
                {
                    keep[from..to].Clear();
                }

                break;
        }
    }

    private void ApplyLongs(ReadOnlySpan<long> values, ValidityBitmap validity, int from, int to, Span<bool> keep, bool negate)
    {
        var set = _longs!;
        for (var row = from; row < to; row++)
        {
            var match = validity[row] && set.Contains(values[row]);
            keep[row] &= match != negate;
        }
    }
}
