namespace Journeyscope.Monitoring;

/// <summary>The sustained-shift (CUSUM) statistic of one value of a KPI series (<see cref="SustainedShift"/>).</summary>
/// <param name="Statistic">The two-sided CUSUM of the standardised residuals up to this value: the larger of the upward and downward sums.</param>
/// <param name="Threshold">The calibrated threshold: the conformal quantile of the series' own earlier statistics; infinite until enough exist.</param>
/// <param name="Alarm">Whether the statistic exceeds the threshold (a sustained shift); the sums restart after an alarm.</param>
/// <param name="Direction">+1 when the upward sum is the larger (the KPI moved up), -1 when the downward one is.</param>
/// <param name="StartIndex">The index of the first value of the run that built the larger sum: where the shift started.</param>
/// <param name="Start">The start of that value's period.</param>
/// <param name="Periods">How many values the run holds, from <paramref name="Start"/> to this one.</param>
/// <param name="Mean">The mean of the values from <paramref name="Start"/> to this one.</param>
/// <param name="ExpectedMean">The mean of their seasonal centres: what the values were expected to average.</param>
/// <param name="MeanSpread">The mean of their spreads.</param>
/// <param name="Range">This value's single-period expected range.</param>
/// <param name="Calibration">How many earlier statistics calibrated <paramref name="Threshold"/>.</param>
public sealed record ShiftStatistic(
    double Statistic,
    double Threshold,
    bool Alarm,
    int Direction,
    int StartIndex,
    DateTimeOffset Start,
    int Periods,
    double Mean,
    double ExpectedMean,
    double MeanSpread,
    ExpectedRange Range,
    int Calibration)
{
    /// <summary>Whether the threshold is calibrated (the series had enough back-tested statistics).</summary>
    public bool Calibrated => double.IsFinite(Threshold);

    /// <summary>
    /// About the range the mean of the run's values could have stayed within without an alarm: the expected mean ± (k + h / m)
    /// mean spreads, for reference k, threshold h and m periods (within a run the CUSUM is the sum of the residuals minus
    /// k each, so it exceeds h when their mean exceeds k + h / m; approximate where the spreads differ or residuals were clipped).
    /// </summary>
    public (double Low, double High) MeanRange(double reference)
    {
        var half = (reference + (Threshold / Math.Max(1, Periods))) * MeanSpread;
        return (ExpectedMean - half, ExpectedMean + half);
    }
}
