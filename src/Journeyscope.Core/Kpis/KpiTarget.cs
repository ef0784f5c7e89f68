using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

/// <summary>
/// A KPI's target: a comparison and a value, written <c>&gt;= 40</c>, <c>&lt;= 3d</c> or <c>&lt;= 5%</c>.
/// </summary>
/// <remarks>
/// The value is kept in the KPI's own unit: durations in seconds, percentages as shares (5% is 0.05), numbers as
/// written. A target written with a duration only fits a duration KPI, and a percentage only a ratio KPI; the
/// engine reports a mismatch as an error of the KPI.
/// </remarks>
public readonly struct KpiTarget : IEquatable<KpiTarget>
{
    private KpiTarget(TargetComparison comparison, double value, KpiUnit? unit, string text)
    {
        Comparison = comparison;
        Value = value;
        WrittenUnit = unit;
        Text = text;
    }

    /// <summary>The comparison.</summary>
    public TargetComparison Comparison { get; }

    /// <summary>The target value in the KPI's unit (seconds, shares, or the number as written).</summary>
    public double Value { get; }

    /// <summary><see cref="KpiUnit.Duration"/> or <see cref="KpiUnit.Ratio"/> when the target was written with a duration or a percent sign; otherwise <c>null</c>.</summary>
    public KpiUnit? WrittenUnit { get; }

    /// <summary>The target as written, trimmed.</summary>
    public string Text { get; }

    /// <summary>Parses a target.</summary>
    /// <exception cref="FormatException">The text is not a target; the message says why.</exception>
    public static KpiTarget Parse(string text) =>
        TryParse(text, out var target, out var error) ? target : throw new FormatException(error);

    /// <summary>Parses a target, or explains why it is not one.</summary>
    public static bool TryParse(string? text, out KpiTarget target, out string error)
    {
        target = default;
        var trimmed = (text ?? string.Empty).Trim();
        var span = trimmed.AsSpan();
        TargetComparison comparison;
        int length;
        if (span.StartsWith(">="))
        {
            (comparison, length) = (TargetComparison.AtLeast, 2);
        }
        else if (span.StartsWith("<="))
        {
            (comparison, length) = (TargetComparison.AtMost, 2);
        }
        else if (span.StartsWith("=="))
        {
            (comparison, length) = (TargetComparison.Equal, 2);
        }
        else if (span.StartsWith(">"))
        {
            (comparison, length) = (TargetComparison.Above, 1);
        }
        else if (span.StartsWith("<"))
        {
            (comparison, length) = (TargetComparison.Below, 1);
        }
        else
        {
            error = $"the target '{trimmed}' must start with >=, >, <=, < or == (for example '>= 40', '<= 3d', '<= 5%')";
            return false;
        }

        var rest = span[length..].Trim();
        if (rest.IsEmpty)
        {
            error = $"the target '{trimmed}' has no value after its comparison";
            return false;
        }

        if (rest[^1] == '%' && double.TryParse(rest[..^1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            target = new KpiTarget(comparison, percent / 100.0, KpiUnit.Ratio, trimmed);
            error = string.Empty;
            return true;
        }

        if (double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            target = new KpiTarget(comparison, number, null, trimmed);
            error = string.Empty;
            return true;
        }

        if (DurationText.TryParse(rest, out var duration))
        {
            target = new KpiTarget(comparison, duration.TotalSeconds, KpiUnit.Duration, trimmed);
            error = string.Empty;
            return true;
        }

        error = $"the target value '{rest.ToString()}' is not a number, a percentage (5%) or a duration (3d, 4h, 30m)";
        return false;
    }

    /// <summary>Whether <paramref name="value"/> meets the target; <see cref="KpiStatus.NoData"/> when it is <c>null</c> or NaN.</summary>
    public KpiStatus Evaluate(double? value)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return KpiStatus.NoData;
        }

        var met = Comparison switch
        {
            TargetComparison.AtLeast => v >= Value,
            TargetComparison.Above => v > Value,
            TargetComparison.AtMost => v <= Value,
            TargetComparison.Below => v < Value,
            _ => Math.Abs(v - Value) <= 1e-9 * Math.Max(1.0, Math.Abs(Value)),
        };
        return met ? KpiStatus.Met : KpiStatus.Missed;
    }

    /// <inheritdoc />
    public bool Equals(KpiTarget other) => Comparison == other.Comparison && Value.Equals(other.Value) && WrittenUnit == other.WrittenUnit;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KpiTarget other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Comparison, Value, WrittenUnit);

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Equality.</summary>
    public static bool operator ==(KpiTarget left, KpiTarget right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(KpiTarget left, KpiTarget right) => !left.Equals(right);
}
