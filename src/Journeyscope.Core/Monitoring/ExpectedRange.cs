namespace Journeyscope.Monitoring;

/// <summary>What a value of a KPI series was expected to be, from its seasonal baseline.</summary>
/// <param name="Centre">The median of the latest values of the same seasonal slot.</param>
/// <param name="Spread">The scaled (x 1.4826) median absolute back-tested residual of the latest season (a standard deviation for normal data), floored above 0.</param>
/// <param name="Threshold">The calibrated multiple of the spread: the conformal quantile of the back-tested |residual| / spread; infinite until enough residuals exist.</param>
/// <param name="Low">Centre - Threshold x Spread.</param>
/// <param name="High">Centre + Threshold x Spread.</param>
/// <param name="Calibration">How many back-tested residuals calibrated <paramref name="Threshold"/>.</param>
/// <param name="History">How many values of the slot made the centre.</param>
public sealed record ExpectedRange(double Centre, double Spread, double Threshold, double Low, double High, int Calibration, int History)
{
    /// <summary>Whether the range is bounded (the series had enough back-tested residuals).</summary>
    public bool Calibrated => double.IsFinite(Threshold);

    /// <summary>Whether <paramref name="value"/> lies outside a calibrated range.</summary>
    public bool Outside(double value) => Calibrated && double.IsFinite(value) && (value < Low || value > High);

    /// <summary>The residual in spreads: (value - centre) / spread.</summary>
    public double Score(double value) => (value - Centre) / Spread;
}
