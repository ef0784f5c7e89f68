namespace Journeyscope.EventLogs;

/// <summary>
/// Collects one attribute's values row by row. The first value fixes the type; a later value of another type widens
/// the column (long to double, anything else to string) so that nothing is dropped.
/// </summary>
internal sealed class ColumnBuilder
{
    private long[] _bits = [];
    private short[] _offsets = [];
    private int[] _codes = [];
    private ulong[] _validity = [];
    private StringPool? _strings;

    public ColumnBuilder(string name, AttributeType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public AttributeType Type { get; private set; }

    /// <summary>Rows seen so far (the highest row set plus one).</summary>
    public int Length { get; private set; }

    public void SetString(int row, ReadOnlySpan<char> value)
    {
        if (Type != AttributeType.String)
        {
            WidenTo(AttributeType.String);
        }

        Grow(row);
        _strings ??= new StringPool();
        _codes[row] = _strings.Intern(value);
        ValidityBitmap.Set(_validity, row);
    }

    public void Set(int row, AttributeValue value)
    {
        if (value.Type == AttributeType.String)
        {
            SetString(row, value.AsString());
            return;
        }

        if (value.Type != Type)
        {
            var target = (Type, value.Type) switch
            {
                (AttributeType.Long, AttributeType.Double) => AttributeType.Double,
                (AttributeType.Double, AttributeType.Long) => AttributeType.Double,
                _ => AttributeType.String,
            };
            if (target != Type)
            {
                WidenTo(target);
            }

            if (target == AttributeType.String)
            {
                SetString(row, value.ToString());
                return;
            }
        }

        Grow(row);
        switch (Type)
        {
            case AttributeType.Double:
                var number = value.Type == AttributeType.Long ? value.AsLong() : value.AsDouble();
                _bits[row] = BitConverter.DoubleToInt64Bits(number);
                break;
            case AttributeType.Long:
                _bits[row] = value.AsLong();
                break;
            case AttributeType.Boolean:
                _bits[row] = value.AsBoolean() ? 1 : 0;
                break;
            default:
                _bits[row] = value.AsUtcTicks();
                _offsets[row] = value.OffsetMinutes;
                break;
        }

        ValidityBitmap.Set(_validity, row);
    }

    public AttributeValue? Get(int row)
    {
        if (row >= Length || !ValidityBitmap.Get(_validity, row))
        {
            return null;
        }

        return Type switch
        {
            AttributeType.String => AttributeValue.FromString(_strings![_codes[row]]),
            AttributeType.Long => AttributeValue.FromLong(_bits[row]),
            AttributeType.Double => AttributeValue.FromDouble(BitConverter.Int64BitsToDouble(_bits[row])),
            AttributeType.Boolean => AttributeValue.FromBoolean(_bits[row] != 0),
            _ => AttributeValue.FromTimestamp(_bits[row], _offsets[row]),
        };
    }

    /// <summary>Builds the column for <paramref name="length"/> rows, taking rows in <paramref name="order"/> when given.</summary>
    public AttributeColumn Build(int length, ReadOnlySpan<int> order)
    {
        var words = ValidityBitmap.Allocate(length);
        for (var i = 0; i < length; i++)
        {
            var source = order.IsEmpty ? i : order[i];
            if (source < Length && ValidityBitmap.Get(_validity, source))
            {
                ValidityBitmap.Set(words, i);
            }
        }

        var validity = new ValidityBitmap(words, length);
        switch (Type)
        {
            case AttributeType.String:
                var codes = new int[length];
                for (var i = 0; i < length; i++)
                {
                    codes[i] = validity[i] ? _codes[order.IsEmpty ? i : order[i]] : -1;
                }

                return new StringColumn(Name, codes, _strings?.ToArray() ?? []);
            case AttributeType.Long:
                return new Int64Column(Name, Pick(_bits, length, order, validity), validity);
            case AttributeType.Double:
                var bits = Pick(_bits, length, order, validity);
                var doubles = new double[length];
                for (var i = 0; i < length; i++)
                {
                    doubles[i] = BitConverter.Int64BitsToDouble(bits[i]);
                }

                return new DoubleColumn(Name, doubles, validity);
            case AttributeType.Boolean:
                var raw = Pick(_bits, length, order, validity);
                var flags = new bool[length];
                for (var i = 0; i < length; i++)
                {
                    flags[i] = raw[i] != 0;
                }

                return new BooleanColumn(Name, flags, validity);
            default:
                var offsets = new short[length];
                for (var i = 0; i < length; i++)
                {
                    offsets[i] = validity[i] ? _offsets[order.IsEmpty ? i : order[i]] : (short)0;
                }

                return new TimestampColumn(Name, Pick(_bits, length, order, validity), offsets, validity);
        }
    }

    private static long[] Pick(long[] source, int length, ReadOnlySpan<int> order, ValidityBitmap validity)
    {
        var result = new long[length];
        for (var i = 0; i < length; i++)
        {
            if (validity[i])
            {
                result[i] = source[order.IsEmpty ? i : order[i]];
            }
        }

        return result;
    }

    private void Grow(int row)
    {
        if (row >= _validity.Length * 64)
        {
            var capacity = Math.Max(256, Math.Max(row + 1, _validity.Length * 128));
            Array.Resize(ref _validity, (capacity + 63) >> 6);
            if (Type == AttributeType.String)
            {
                Array.Resize(ref _codes, _validity.Length * 64);
            }
            else
            {
                Array.Resize(ref _bits, _validity.Length * 64);
                if (Type == AttributeType.Timestamp)
                {
                    Array.Resize(ref _offsets, _validity.Length * 64);
                }
            }
        }

        if (row >= Length)
        {
            Length = row + 1;
        }
    }

    private void WidenTo(AttributeType target)
    {
        var values = new AttributeValue?[Length];
        for (var i = 0; i < Length; i++)
        {
            values[i] = Get(i);
        }

        var length = Length;
        Type = target;
        _bits = [];
        _offsets = [];
        _codes = [];
        _validity = [];
        _strings = null;
        Length = 0;
        for (var i = 0; i < length; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            if (target == AttributeType.String)
            {
                SetString(i, value.ToString());
            }
            else
            {
                Set(i, AttributeValue.FromDouble(value.Type == AttributeType.Long ? value.AsLong() : value.AsDouble()));
            }
        }

        Length = Math.Max(Length, length);
    }
}
