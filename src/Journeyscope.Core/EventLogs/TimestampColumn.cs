namespace Journeyscope.EventLogs;

/// <summary>A timestamp column: UTC ticks plus the UTC offset (minutes) each value was recorded with.</summary>
public sealed class TimestampColumn : AttributeColumn
{
    private readonly long[] _utcTicks;
    private readonly short[] _offsetMinutes;
    private readonly ValidityBitmap _validity;

    internal TimestampColumn(string name, long[] utcTicks, short[] offsetMinutes, ValidityBitmap validity)
        : base(name, utcTicks.Length)
    {
        _utcTicks = utcTicks;
        _offsetMinutes = offsetMinutes;
        _validity = validity;
    }

    /// <inheritdoc />
    public override AttributeType Type => AttributeType.Timestamp;

    /// <summary>UTC ticks of each row; meaningful only where <see cref="Validity"/> is set.</summary>
    public ReadOnlySpan<long> UtcTicks => _utcTicks;

    /// <summary>The UTC offset in minutes of each row.</summary>
    public ReadOnlySpan<short> OffsetMinutes => _offsetMinutes;

    /// <summary>Which rows have a value.</summary>
    public ValidityBitmap Validity => _validity;

    /// <inheritdoc />
    public override bool IsValid(int row) => _validity[row];

    /// <inheritdoc />
    public override AttributeValue? GetValue(int row) =>
        _validity[row] ? AttributeValue.FromTimestamp(_utcTicks[row], _offsetMinutes[row]) : null;

    /// <inheritdoc />
    public override AttributeColumn Gather(ReadOnlySpan<int> rows)
    {
        var ticks = new long[rows.Length];
        var offsets = new short[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            ticks[i] = _utcTicks[rows[i]];
            offsets[i] = _offsetMinutes[rows[i]];
        }

        return new TimestampColumn(Name, ticks, offsets, _validity.Gather(rows));
    }
}
