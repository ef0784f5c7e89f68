using Journeyscope.Monitoring;

namespace Journeyscope.Core.Tests.Monitoring;

/// <summary>
/// The sustained-shift rule's error rates over seeds (docs/monitoring.md, "KPI alerts"): on daily series with a weekly
/// rhythm and no change its alarms stay within the configured rate per period (binomial bound); a shift of 1.5 noise
/// standard deviations, which the single-period check mostly misses, is flagged within two weeks and dated near its start.
/// </summary>
public sealed class SustainedShiftTests
{
    private const int Seeds = 50;
    private const int Days = 400;
    private const int FirstScored = 150;
    private const int ShiftDay = 300;

    public static TheoryData<string, double> Series => new()
    {
        { "normal", 0.01 }, { "normal", 0.05 }, { "share", 0.01 }, { "heavy-tailed", 0.01 },
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void Scan_SeriesWithNoChange_AlarmRateWithinTheConfiguredRate(string shape, double rate)
    {
        // Given 50 seeded daily series of 400 days with a weekday rhythm and no change
        var options = new AnomalyOptions { FalseAlarmRate = rate };
        var alarms = 0;
        var trials = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var series = SeasonalBaselineTests.Generate(shape, seed, shiftAt: null, shift: 0);

            // When the CUSUM of every value from day 150 on is compared with its calibrated threshold
            var statistics = SustainedShift.Scan(series, options);
            for (var i = FirstScored; i < Days; i++)
            {
                Assert.True(statistics[i]!.Calibrated);
                trials++;
                alarms += statistics[i]!.Alarm ? 1 : 0;
            }
        }

        // Then the alarm rate per period is at most the rate plus 3.09 binomial standard errors (one-sided 99.9 %)
        var observed = (double)alarms / trials;
        var bound = rate + (3.09 * Math.Sqrt(rate * (1 - rate) / trials));
        TestContext.Current.TestOutputHelper?.WriteLine($"{shape} at {rate:P0}: {alarms} alarms in {trials} periods ({observed:P2})");
        Assert.True(observed <= bound, $"{shape}: {alarms} alarms in {trials} periods ({observed:P2}) exceeds the bound {bound:P2} for {rate:P0}");
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("share")]
    public void Scan_ShiftOfOneAndAHalfSpreads_FlaggedWithinTwoWeeksWhereTheSinglePeriodCheckMostlyMisses(string shape)
    {
        // Given 50 seeded series whose level moves by 1.5 noise standard deviations on day 300
        var shift = new List<int>();
        var single = new List<int>();
        var starts = new List<int>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            var series = SeasonalBaselineTests.Generate(shape, 2000 + seed, shiftAt: ShiftDay, shift: 1.5);

            // When both rules scan it at a 1 % false-alarm rate each
            var statistics = SustainedShift.Scan(series, AnomalyOptions.Default);
            var ranges = SeasonalBaseline.Scan(series, AnomalyOptions.Default);
            var first = Enumerable.Range(ShiftDay, 60).FirstOrDefault(i => statistics[i]!.Alarm, -1);
            shift.Add(first < 0 ? int.MaxValue : first - ShiftDay);
            starts.Add(first < 0 ? int.MaxValue : statistics[first]!.StartIndex);
            var firstSingle = Enumerable.Range(ShiftDay, 14).FirstOrDefault(i => ranges[i]!.Outside(series[i].Value), -1);
            single.Add(firstSingle < 0 ? int.MaxValue : firstSingle - ShiftDay);
        }

        // Then the sustained-shift rule flags at least 90 % of the seeds within 14 days, dated within 7 days of the
        // shift, where the single-period check finds fewer within the same two weeks
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{shape}: CUSUM delays {string.Join(",", shift)}; single-period delays {string.Join(",", single)}; starts {string.Join(",", starts)}");
        var found = shift.Count(d => d <= 13);
        Assert.True(found >= 0.9 * Seeds, $"flagged within 14 days in {found} of {Seeds} seeds: {string.Join(",", shift)}");
        var dated = starts.Count(s => Math.Abs(s - ShiftDay) <= 7);
        Assert.True(dated >= 0.8 * Seeds, $"start dated within 7 days in {dated} of {Seeds} seeds: {string.Join(",", starts)}");
        Assert.True(single.Count(d => d <= 13) < found, $"single period: {string.Join(",", single)}");
    }

    [Fact]
    public void Scan_TooFewStatistics_ThresholdUnboundedAndNoAlarm()
    {
        // Given 80 days with a huge shift on day 50: fewer than the 99 statistics a 1 % rate needs
        var series = SeasonalBaselineTests.Generate("normal", 3, shiftAt: 50, shift: 50);

        // When scanned
        var statistics = SustainedShift.Scan(series.Take(80).ToList(), AnomalyOptions.Default);

        // Then nothing is calibrated and nothing alarms, though the statistic grows after the shift
        Assert.All(statistics.Where(s => s is not null), s => Assert.False(s!.Alarm));
        Assert.All(statistics.Where(s => s is not null), s => Assert.False(s!.Calibrated));
        Assert.True(statistics[79]!.Statistic > 20);
        Assert.Equal(1, statistics[79]!.Direction);
    }
}
