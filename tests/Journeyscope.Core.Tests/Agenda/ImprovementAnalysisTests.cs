using Journeyscope.Agenda;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Agenda;

public sealed class ImprovementAnalysisTests
{
    private const int Seeds = 40;
    private static readonly ImprovementOptions Fast = new() { Resamples = 400 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Improvement Fix(string? segment, DateTimeOffset from, double? valuePerUnit = null) =>
        new("imp-1", "Fix failures", null, ["contains Fail"], null, from, segment is null ? null : "device", segment, valuePerUnit, "EUR");

    [Fact]
    public void Report_SegmentChangedAtAKnownDate_IntervalCoversTheTrueEffectInAtLeast90PercentOfSeeds()
    {
        // Given 40 logs where device a's failure rate drops by 10 points from the change day (trend and Saturdays shared)
        var covered = 0;
        var detected = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var log = ImprovementLogs.Generate(seed, effect: -0.10);

            // When the improvement for device a is reported
            var report = ImprovementAnalysis.Report(log, 1, Fix("a", ImprovementLogs.ChangeDate), Fast, Ct);

            // Then it is a difference in differences whose interval holds -0.10
            report.Method.ShouldBe(ImprovementAnalysis.DifferenceInDifferences);
            covered += report.Low <= -0.10 && report.High >= -0.10 ? 1 : 0;
            detected += report.Verdict == ImprovementAnalysis.EffectDetected ? 1 : 0;
        }

        covered.ShouldBeGreaterThanOrEqualTo(36);
        detected.ShouldBeGreaterThanOrEqualTo(36);
    }

    [Fact]
    public void Report_NoChange_NoEffectDetectedInAtLeast90PercentOfSeeds()
    {
        // Given 40 logs where nothing changed on the date
        var quiet = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var log = ImprovementLogs.Generate(seed + 100, effect: 0);
            var report = ImprovementAnalysis.Report(log, 1, Fix("a", ImprovementLogs.ChangeDate), Fast, Ct);
            quiet += report.Verdict == ImprovementAnalysis.NoEffectDetected ? 1 : 0;
        }

        // Then "no effect detected" in at least 36 of 40
        quiet.ShouldBeGreaterThanOrEqualTo(36);
    }

    [Fact]
    public void Report_EveryoneChanged_TimeSeriesCoversTheTrueEffectInAtLeast90PercentOfSeeds()
    {
        // Given 40 logs where everyone is on device a (no comparison group) and the rate drops by 8 points
        int covered = 0, quiet = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var changed = ImprovementAnalysis.Report(ImprovementLogs.Generate(seed, effect: -0.08, everyone: true), 1, Fix(null, ImprovementLogs.ChangeDate), Fast, Ct);
            changed.Method.ShouldBe(ImprovementAnalysis.InterruptedTimeSeries);
            covered += changed.Low <= -0.08 && changed.High >= -0.08 ? 1 : 0;
            var unchanged = ImprovementAnalysis.Report(ImprovementLogs.Generate(seed + 100, effect: 0, everyone: true), 1, Fix(null, ImprovementLogs.ChangeDate), Fast, Ct);
            quiet += unchanged.Verdict == ImprovementAnalysis.NoEffectDetected ? 1 : 0;
        }

        // Then the interrupted time series (trend and weekday removed) covers it, and stays quiet without a change
        covered.ShouldBeGreaterThanOrEqualTo(36);
        quiet.ShouldBeGreaterThanOrEqualTo(36);
    }

    [Fact]
    public void Report_MeanScoreOfASegmentRaisedAtAKnownDate_IntervalCoversTheTrueEffectInAtLeast90PercentOfSeeds()
    {
        // Given 40 logs where device a's mean satisfaction score (a mean KPI, not a rate) rises by 0.3 from the change day
        var journey = ImprovementLogs.ScoreJourney();
        int covered = 0, detected = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var log = ImprovementLogs.GenerateScores(seed, effect: 0.3);

            // When the improvement for device a is reported on the journey's score KPI
            var report = ImprovementAnalysis.Report(log, 1, ScoreFix("a"), journey, Fast, Ct);

            // Then it is a difference in differences of the mean, whose interval holds +0.3
            report.Method.ShouldBe(ImprovementAnalysis.DifferenceInDifferences);
            report.Measure.ShouldBe(ImprovementUnits.Number);
            covered += report.Low <= 0.3 && report.High >= 0.3 ? 1 : 0;
            detected += report.Verdict == ImprovementAnalysis.EffectDetected ? 1 : 0;
        }

        covered.ShouldBeGreaterThanOrEqualTo(36);
        detected.ShouldBeGreaterThanOrEqualTo(36);
    }

    [Fact]
    public void Report_MeanScoreUnchanged_NoEffectDetectedInAtLeast90PercentOfSeeds()
    {
        // Given 40 logs where the mean score did not change on the date, for one segment and for everyone
        var journey = ImprovementLogs.ScoreJourney();
        int quietSegment = 0, quietEveryone = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var segment = ImprovementAnalysis.Report(ImprovementLogs.GenerateScores(seed + 100, effect: 0), 1, ScoreFix("a"), journey, Fast, Ct);
            quietSegment += segment.Verdict == ImprovementAnalysis.NoEffectDetected ? 1 : 0;
            var everyone = ImprovementAnalysis.Report(ImprovementLogs.GenerateScores(seed + 200, effect: 0, everyone: true), 1, ScoreFix(null), journey, Fast, Ct);
            quietEveryone += everyone.Verdict == ImprovementAnalysis.NoEffectDetected ? 1 : 0;
        }

        // Then "no effect detected" in at least 36 of 40 either way
        quietSegment.ShouldBeGreaterThanOrEqualTo(36);
        quietEveryone.ShouldBeGreaterThanOrEqualTo(36);
    }

    [Fact]
    public void Report_MeanScoreOfEveryoneRaised_TimeSeriesCoversTheTrueEffectInAtLeast90PercentOfSeeds()
    {
        // Given 40 logs where everyone is on device a and the mean score rises by 0.3 (trend and Saturdays shared)
        var journey = ImprovementLogs.ScoreJourney();
        var covered = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var report = ImprovementAnalysis.Report(ImprovementLogs.GenerateScores(seed, effect: 0.3, everyone: true), 1, ScoreFix(null), journey, Fast, Ct);
            report.Method.ShouldBe(ImprovementAnalysis.InterruptedTimeSeries);
            covered += report.Low <= 0.3 && report.High >= 0.3 ? 1 : 0;
        }

        // Then the interrupted time series covers it in at least 36 of 40
        covered.ShouldBeGreaterThanOrEqualTo(36);
    }

    [Theory]
    [InlineData("share", 0.125, -0.02, "12.5 %", "-2.0 pp")]
    [InlineData("duration", 90000, -19800, "1d1h", "-5h30m")]
    [InlineData("net score", 32.14, 3.1, "32.1", "+3.1 points")]
    [InlineData("number", 4.123, 0.25, "4.123", "+0.25")]
    public void Units_EachMeasure_LevelAndChangeWithTheirUnit(string measure, double level, double change, string levelText, string changeText)
    {
        // Given a level and a change of each kind of measure, When written, Then each carries its unit
        ImprovementUnits.Level(measure, level).ShouldBe(levelText);
        ImprovementUnits.Change(measure, change).ShouldBe(changeText);
    }

    private static Improvement ScoreFix(string? segment) =>
        new Improvement("imp-2", "Better answers", null, [], null, ImprovementLogs.ChangeDate, segment is null ? null : "device", segment, null, null)
        {
            Kpi = "score",
            Journey = "scores",
        };

    [Fact]
    public void Report_ChangeTwoDaysBeforeTheEnd_NotEnoughDataYet()
    {
        var log = ImprovementLogs.Generate(1, effect: -0.10);
        var report = ImprovementAnalysis.Report(log, 1, Fix(null, ImprovementLogs.Origin.AddDays(ImprovementLogs.Days - 2)), Fast, Ct);
        report.Verdict.ShouldBe(ImprovementAnalysis.NotEnoughData);
        report.Effect.ShouldBeNull();
    }

    [Fact]
    public void Report_ValuePerUnitRecorded_ValueRealisedIsEffectTimesCasesTimesValue()
    {
        // Given a failure that costs 5 EUR (value per unit -5)
        var log = ImprovementLogs.Generate(3, effect: -0.10);

        // When reported
        var report = ImprovementAnalysis.Report(log, 1, Fix("a", ImprovementLogs.ChangeDate, valuePerUnit: -5), Fast, Ct);

        // Then the value realised is positive, effect x treated cases after x -5, inside its own interval
        var value = report.ValueRealised.ShouldNotBeNull();
        value.Value.ShouldBe(report.Effect!.Value * report.After.Cases * -5, 1e-9);
        value.Value.ShouldBeGreaterThan(0);
        value.Low.ShouldBeLessThanOrEqualTo(value.Value);
        value.High.ShouldBeGreaterThanOrEqualTo(value.Value);
        value.Unit.ShouldBe("EUR");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Report_SimulatedPaymentRetriesFixedForOneDevice_DetectsOnlyARealFix(bool fixedMidway)
    {
        // Given the retail simulation with payment retries on android-app, fixed from the middle of the period or never
        var scenario = Scenario.Default with { Months = 4 };
        var from = scenario.Start.AddMonths(2);
        scenario = scenario with
        {
            Problems = new InjectedProblems { PaymentRetries = true, PaymentRetriesFixedFrom = fixedMidway ? from : null },
        };
        var log = Simulator.Run(RetailJourney.Create(), scenario, new SimulationOptions { Customers = 2500, Seed = 3 }, Ct).Log;

        // When the improvement "fix for android-app from that date" is reported on the retry outcome
        var improvement = new Improvement("imp-1", "Payment SDK", null, ["follows Authorise payment -> Authorise payment"], null, from,
            "device", "android-app", null, null);
        var report = ImprovementAnalysis.Report(log, 1, improvement, Fast, Ct);

        // Then a real fix is detected as fewer retries, and no fix gives no effect
        if (fixedMidway)
        {
            report.Verdict.ShouldBe(ImprovementAnalysis.EffectDetected);
            report.High.ShouldNotBeNull().ShouldBeLessThan(0);
        }
        else
        {
            report.Verdict.ShouldBe(ImprovementAnalysis.NoEffectDetected);
        }
    }
}
