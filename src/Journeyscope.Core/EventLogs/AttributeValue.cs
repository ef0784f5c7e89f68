using System.Globalization;

namespace Journeyscope.EventLogs;

/// <summary>A single typed attribute value: string, long, double, boolean or timestamp.</summary>
/// <remarks>Used at the edges (builders, importers, cold lookups); hot paths read the typed columns directly.</remarks>
public readonly struct AttributeValue : IEquatable<AttributeValue>
{
    private readonly long _bits;
    private readonly string? _text;

    private AttributeValue(AttributeType type, long bits, string? text, short offsetMinutes)
    {
        Type = type;
        _bits = bits;
        _text = text;
        OffsetMinutes = offsetMinutes;
    }

    /// <summary>The value's type.</summary>
    public AttributeType Type { get; }

    /// <summary>For timestamps, the UTC offset in minutes the value was recorded with; otherwise 0.</summary>
    public short OffsetMinutes { get; }

    /// <summary>Creates a string value.</summary>
    public static AttributeValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(AttributeType.String, 0, value, 0);
    }

    /// <summary>Creates an integer value.</summary>
    public static AttributeValue FromLong(long value) => new(AttributeType.Long, value, null, 0);

    /// <summary>Creates a floating-point value.</summary>
    public static AttributeValue FromDouble(double value) =>
        new(AttributeType.Double, BitConverter.DoubleToInt64Bits(value), null, 0);

    /// <summary>Creates a boolean value.</summary>
    public static AttributeValue FromBoolean(bool value) => new(AttributeType.Boolean, value ? 1 : 0, null, 0);

    /// <summary>Creates a timestamp from UTC ticks and the offset the time was recorded with.</summary>
    public static AttributeValue FromTimestamp(long utcTicks, short offsetMinutes = 0) =>
        new(AttributeType.Timestamp, utcTicks, null, offsetMinutes);

    /// <summary>Creates a timestamp from a <see cref="DateTimeOffset"/>, keeping its offset.</summary>
    public static AttributeValue FromTimestamp(DateTimeOffset value) =>
        FromTimestamp(value.UtcTicks, (short)value.Offset.TotalMinutes);

    /// <summary>The string value; throws when the type is not <see cref="AttributeType.String"/>.</summary>
    public string AsString() => Type == AttributeType.String ? _text! : throw WrongType(AttributeType.String);

    /// <summary>The integer value.</summary>
    public long AsLong() => Type == AttributeType.Long ? _bits : throw WrongType(AttributeType.Long);

    /// <summary>The floating-point value.</summary>
    public double AsDouble() =>
        Type == AttributeType.Double ? BitConverter.Int64BitsToDouble(_bits) : throw WrongType(AttributeType.Double);

    /// <summary>The boolean value.</summary>
    public bool AsBoolean() => Type == AttributeType.Boolean ? _bits != 0 : throw WrongType(AttributeType.Boolean);

    /// <summary>The timestamp as UTC ticks.</summary>
    public long AsUtcTicks() => Type == AttributeType.Timestamp ? _bits : throw WrongType(AttributeType.Timestamp);

    /// <summary>The timestamp with its recorded offset.</summary>
    public DateTimeOffset AsDateTimeOffset() =>
        new DateTimeOffset(AsUtcTicks(), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(OffsetMinutes));

    /// <summary>Invariant text form: numbers round-trip, booleans are <c>true</c>/<c>false</c>, timestamps ISO 8601.</summary>
    public override string ToString() => Type switch
    {
        AttributeType.String => _text!,
        AttributeType.Long => _bits.ToString(CultureInfo.InvariantCulture),
        AttributeType.Double => AsDouble().ToString("R", CultureInfo.InvariantCulture),
        AttributeType.Boolean => _bits != 0 ? "true" : "false",
        _ => AsDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public bool Equals(AttributeValue other) =>
        Type == other.Type && _bits == other._bits && OffsetMinutes == other.OffsetMinutes &&
        string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttributeValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Type, _bits, OffsetMinutes, _text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text));

    /// <summary>Equality.</summary>
    public static bool operator ==(AttributeValue left, AttributeValue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(AttributeValue left, AttributeValue right) => !left.Equals(right);

    private InvalidOperationException WrongType(AttributeType wanted) =>
        new($"The attribute value is {Type}, not {wanted}.");
}
