using Journeyscope.Monitoring;

namespace Journeyscope.Core.Tests.Monitoring;

/// <summary>
/// The seasonal baseline's error rates over seeds (docs/monitoring.md, "KPI alerts"): on daily KPI series with a weekly
/// rhythm and no change, the share of values outside their expected range stays within the configured false-alarm rate
/// (binomial bound); a shift at a known day is flagged within a week in at least 9 of 10 seeds.
/// </summary>
public sealed class SeasonalBaselineTests
{
    private const int Seeds = 50;
    private const int Days = 400;
    private const int FirstScored = 150;

    public static TheoryData<string, double> Series => new()
    {
        { "normal", 0.01 }, { "normal", 0.05 }, { "share", 0.01 }, { "heavy-tailed", 0.01 },
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void Scan_SeriesWithNoChange_FalseAlarmRateWithinTheConfiguredRate(string shape, double rate)
    {
        // Given 50 seeded daily series of 400 days with a weekday rhythm and no change
        var options = new AnomalyOptions { FalseAlarmRate = rate };
        var alarms = 0;
        var trials = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var series = Generate(shape, seed, shiftAt: null, shift: 0);

            // When every value from day 150 on is compared with its expected range
            var ranges = SeasonalBaseline.Scan(series, options);
            for (var i = FirstScored; i < Days; i++)
            {
                Assert.NotNull(ranges[i]);
                Assert.True(ranges[i]!.Calibrated);
                trials++;
                alarms += ranges[i]!.Outside(series[i].Value) ? 1 : 0;
            }
        }

        // Then the false-alarm rate is at most the configured rate plus 3.09 binomial standard errors (one-sided 99.9 %)
        // and not far below it (a needlessly wide range would hide real changes)
        var observed = (double)alarms / trials;
        var bound = rate + (3.09 * Math.Sqrt(rate * (1 - rate) / trials));
        Assert.True(observed <= bound, $"{shape}: {alarms} alarms in {trials} values ({observed:P2}) exceeds the bound {bound:P2} for {rate:P0}");
        Assert.True(observed >= rate / 3, $"{shape}: {alarms} alarms in {trials} values ({observed:P2}) is far below {rate:P0}: the range is too wide");
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("share")]
    public void Scan_ShiftOfFourSpreadsAtAKnownDay_FlaggedWithinAWeekInNineOfTenSeeds(string shape)
    {
        // Given 50 seeded series whose level moves by 4 noise standard deviations on day 300
        var delays = new List<int>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            var series = Generate(shape, 1000 + seed, shiftAt: 300, shift: 4);

            // When the baseline scans it at a 1 % false-alarm rate
            var ranges = SeasonalBaseline.Scan(series, AnomalyOptions.Default);
            var first = Enumerable.Range(300, Days - 300).FirstOrDefault(i => ranges[i]!.Outside(series[i].Value), -1);
            delays.Add(first < 0 ? int.MaxValue : first - 300);
        }

        // Then at least 90 % of the seeds are flagged within 7 days of the shift (measured: 49 of 50), most on the first day
        Assert.True(delays.Count(d => d <= 6) >= 0.9 * Seeds, "delays: " + string.Join(",", delays));
        Assert.True(delays.Count(d => d == 0) >= 0.6 * Seeds, $"flagged on day 0 in {delays.Count(d => d == 0)} of {Seeds} seeds");
    }

    [Fact]
    public void Scan_TooFewBackTestedResiduals_RangeIsUnboundedAndNeverAlarms()
    {
        // Given 60 days: at most 32 back-tested residuals, fewer than the 99 a 1 % rate needs
        var series = Generate("normal", 3, shiftAt: 50, shift: 50);

        // When scanned
        var ranges = SeasonalBaseline.Scan(series.Take(60).ToList(), AnomalyOptions.Default);

        // Then the first 28 days have no baseline and no value is flagged, even after a huge shift
        Assert.All(ranges.Take(28), Assert.Null);
        Assert.All(ranges.Skip(28), r => Assert.False(r!.Calibrated));
        Assert.Equal(99, AnomalyOptions.Default.MinCalibration);
        Assert.Equal(19, new AnomalyOptions { FalseAlarmRate = 0.05 }.MinCalibration);
    }

    [Fact]
    public void Scan_WeekdayRhythm_CentreFollowsTheWeekday()
    {
        // Given a series that is 100 on Saturdays and 10 on other days, without noise
        var start = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
        var series = Enumerable.Range(0, 70).Select(d => new SeriesPoint(start.AddDays(d),
            start.AddDays(d).DayOfWeek == DayOfWeek.Saturday ? 100 : 10)).ToList();

        // When the expected range of the next Saturday and Monday are computed
        var saturday = SeasonalBaseline.Expect(series, start.AddDays(75), AnomalyOptions.Default);
        var monday = SeasonalBaseline.Expect(series, start.AddDays(70), AnomalyOptions.Default);

        // Then each centre is its weekday's level
        Assert.Equal(100, saturday!.Centre);
        Assert.Equal(10, monday!.Centre);
    }

    /// <summary>A daily series: a weekday level times a trend-free noise of the given shape.</summary>
    internal static List<SeriesPoint> Generate(string shape, int seed, int? shiftAt, double shift)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
        double[] level = [50, 52, 51, 49, 55, 40, 35];
        var series = new List<SeriesPoint>(Days);
        for (var d = 0; d < Days; d++)
        {
            var day = start.AddDays(d);
            var slot = ((int)day.DayOfWeek + 6) % 7;
            var shifted = shiftAt is { } at && d >= at;
            double value;
            if (string.Equals(shape, "share", StringComparison.Ordinal))
            {
                // a share measured on a weekday-dependent number of cases (binomial noise)
                var n = 80 + (10 * slot);
                var p = 0.3 + (0.02 * slot);
                var sd = Math.Sqrt(p * (1 - p) / n);
                p += shifted ? shift * sd : 0;
                var hits = 0;
                for (var c = 0; c < n; c++)
                {
                    hits += random.NextDouble() < p ? 1 : 0;
                }

                value = (double)hits / n;
            }
            else
            {
                var noise = Gaussian(random);
                if (string.Equals(shape, "heavy-tailed", StringComparison.Ordinal))
                {
                    // Student t with 3 degrees of freedom
                    var chi = 0.0;
                    for (var k = 0; k < 3; k++)
                    {
                        var g = Gaussian(random);
                        chi += g * g;
                    }

                    noise /= Math.Sqrt(chi / 3);
                }

                value = level[slot] + (3 * noise) + (shifted ? shift * 3 : 0);
            }

            series.Add(new SeriesPoint(day, value));
        }

        return series;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
