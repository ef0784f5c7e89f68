namespace Journeyscope.Monitoring;

/// <summary>
/// The seasonal baseline's parameters (docs/monitoring.md, "KPI alerts", explains how to tune them).
/// </summary>
public sealed class AnomalyOptions
{
    /// <summary>1 % false alarms, weekday seasonality, the last 8 values of a slot, at least 4, a shift reference of half a spread.</summary>
    public static AnomalyOptions Default { get; } = new();

    /// <summary>
    /// The chance that a value of a series with no change falls outside its expected range (two-sided); the interval
    /// is the conformal (1 - rate) quantile of the series' own back-tested residuals.
    /// </summary>
    public double FalseAlarmRate { get; init; } = 0.01;

    /// <summary>The seasonal slot a value is compared within.</summary>
    public Seasonality Seasonality { get; init; } = Seasonality.Weekday;

    /// <summary>How many of the latest values of the same slot make the centre (median) and spread (MAD).</summary>
    public int History { get; init; } = 8;

    /// <summary>The fewest values of a slot before a centre is computed; fewer and the point has no baseline.</summary>
    public int MinHistory { get; init; } = 4;

    /// <summary>The most back-tested residuals the interval is calibrated on (the latest ones).</summary>
    public int MaxCalibration { get; init; } = 730;

    /// <summary>
    /// The sustained-shift rule's reference k, in spreads: each period adds its standardised residual minus k to the
    /// CUSUM, so k is about half the smallest shift worth finding quickly (0.5: tuned for shifts of one spread).
    /// Smaller: finds smaller shifts, later; larger: only larger shifts, sooner.
    /// </summary>
    public double ShiftReference { get; init; } = 0.5;

    /// <summary>
    /// The back-tested residuals the interval needs: the smallest n with ceil((n + 1)(1 - rate)) &lt;= n, that is
    /// ceil(1 / rate) - 1 (99 for 1 %). With fewer the expected range is unbounded and no anomaly can be raised.
    /// </summary>
    public int MinCalibration => (int)Math.Ceiling((1 - 1e-9) / FalseAlarmRate) - 1;

    /// <summary>The first problem with these options, or null.</summary>
    public string? Problem() =>
        !(FalseAlarmRate > 0 && FalseAlarmRate < 0.5) ? "the false-alarm rate must be between 0 and 0.5 (for example 0.01)"
        : History < 3 ? "history must be at least 3 values"
        : MinHistory < 3 || MinHistory > History ? "the minimum history must be between 3 and history"
        : MaxCalibration < MinCalibration ? $"at most {MaxCalibration} calibration residuals cannot calibrate a {FalseAlarmRate:P1} rate (needs {MinCalibration})"
        : !Enum.IsDefined(Seasonality) ? "unknown seasonality"
        : !(ShiftReference >= 0 && ShiftReference <= 3) ? "the shift reference must be between 0 and 3 spreads (for example 0.5)"
        : null;
}
