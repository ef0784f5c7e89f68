using CsCheck;
using Journeyscope.Core.Tests.Filters;
using Journeyscope.EventLogs;
using Journeyscope.Segments;

namespace Journeyscope.Core.Tests.Segments;

public sealed class RetentionAnalysisTests
{
    private static RetentionResult Run(EventLog log, RetentionOptions options) => RetentionAnalysis.Compute(log, options, TestContext.Current.CancellationToken);

    // 2024-01-01 (TestLogs.Origin) is a Monday.
    private static (string, string, double) Day(string c, string a, double day) => (c, a, day * 24);

    [Fact]
    public void Compute_WeeklyCohorts_CountReturnsPerWeekAndOnlyEligibleWeeks()
    {
        // Given two customers starting in week 0 (one returns in week 1 and week 2) and one starting in week 2
        var log = TestLogs.Build(
            Day("c1", "Visit", 0), Day("c1", "Buy", 8), Day("c1", "Buy", 15),
            Day("c2", "Visit", 1),
            Day("c3", "Visit", 14), Day("c3", "Visit", 15));

        // When
        var result = Run(log, new RetentionOptions { Period = CohortPeriod.Week, Periods = 2 });

        // Then
        result.Cohorts.Select(c => (c.Label, c.Size)).ShouldBe([("2024-01-01", 2L), ("2024-01-15", 1L)]);
        var first = result.Cohorts[0];
        first.Retained.ShouldBe([0L, 1L, 1L]);
        first.Eligible.ShouldBe([2L, 2L, 2L]);
        first.Rates[1].ShouldBe(0.5);
        var young = result.Cohorts[1];
        young.Eligible.ShouldBe([1L, 0L, 0L]);
        young.Retained[0].ShouldBe(1);
        double.IsNaN(young.Rates[1]).ShouldBeTrue();
        result.Total.Size.ShouldBe(3);
        first.Churned.ShouldBeNull();
    }

    [Fact]
    public void Compute_ReturnActivityAndChurnRules_AreApplied()
    {
        // Given a customer who only visits again, one who buys, and one who cancels
        var log = TestLogs.Build(
            Day("c1", "Visit", 0), Day("c1", "Visit", 2),
            Day("c2", "Visit", 0), Day("c2", "Buy", 1), Day("c2", "Visit", 40),
            Day("c3", "Visit", 0), Day("c3", "Cancel", 39));

        // When
        var result = Run(log, new RetentionOptions
        {
            Period = CohortPeriod.Day,
            Periods = 3,
            ReturnActivities = ["Buy"],
            ChurnAfter = TimeSpan.FromDays(30),
            ChurnActivities = ["Cancel"],
        });

        // Then
        result.Total.Retained.ShouldBe([0L, 1L, 0L, 0L]);
        result.Total.Churned.ShouldBe(2);
        result.Total.ChurnRate!.Value.ShouldBe(2.0 / 3, 1e-12);
    }

    [Fact]
    public void Compute_AttributeCohorts_GroupByCaseValue()
    {
        // Given a case attribute on two of three cases
        var builder = new EventLogBuilder();
        foreach (var c in new[] { "c1", "c2", "c3" })
        {
            builder.AddEvent(c, "Visit", new DateTimeOffset(TestLogs.Origin));
        }

        builder.SetCaseAttribute("c1", "plan", AttributeValue.FromString("pro"));
        builder.SetCaseAttribute("c2", "plan", AttributeValue.FromString("pro"));

        // When
        var result = Run(builder.Build(), new RetentionOptions { CohortAttribute = "plan", Period = CohortPeriod.Month });

        // Then
        result.Cohorts.Select(c => (c.Label, c.Size)).ShouldBe([("pro", 2L), ("(none)", 1L)]);
        Should.Throw<ArgumentException>(() => Run(builder.Build(), new RetentionOptions { CohortAttribute = "nope" }));
    }

    [Fact]
    public void Compute_RandomLogs_CohortsPartitionTheCasesAndRatesStayInRange() =>
        Gen.Select(Gen.Int[0, 15], Gen.Int[0, 2], Gen.Int[0, 2000]).Array[1, 80].Select(Gen.Int[0, 2]).Sample((rows, period) =>
        {
            var log = TestLogs.Build(rows.Select(r => ($"c{r.Item1}", r.Item2 == 0 ? "Visit" : "Buy", (double)r.Item3)).ToArray());
            var result = Run(log, new RetentionOptions { Period = (CohortPeriod)period, Periods = 4 });
            result.Cohorts.Sum(c => c.Size).ShouldBe(log.CaseCount);
            for (var k = 0; k <= 4; k++)
            {
                result.Cohorts.Sum(c => c.Retained[k]).ShouldBe(result.Total.Retained[k]);
                foreach (var cohort in result.Cohorts)
                {
                    cohort.Retained[k].ShouldBeLessThanOrEqualTo(cohort.Eligible[k]);
                    cohort.Eligible[k].ShouldBeLessThanOrEqualTo(cohort.Size);
                }
            }
        }, iter: 200);
}
