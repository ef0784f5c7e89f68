using Journeyscope.Kpis;
using static Journeyscope.Core.Tests.Kpis.KpiTestLogs;

namespace Journeyscope.Core.Tests.Kpis;

public sealed class KpiExpressionTests
{
    [Theory]
    [InlineData("count(events where activity == \"NPS survey\")", 3.0)]
    [InlineData("count(cases)", 4.0)]
    [InlineData("count(cases where activity == \"NPS survey\") / count(cases)", 0.75)]
    [InlineData("avg(event.score where activity == \"NPS survey\")", 6.0)]
    [InlineData("sum(event.score) - min(event.score) * 2", 18.0)]
    [InlineData("max(event.score where event.score < 10)", 8.0)]
    [InlineData("avg(duration) / 1d", 3.5)]
    [InlineData("percentile(duration, 50) / 1h", 72.0)]
    [InlineData("ratio(cases where duration > 3d, cases)", 0.5)]
    [InlineData("count(cases where case.segment == A and not has(\"NPS survey\"))", 0.0)]
    [InlineData("count(cases where case.segment in (A, B) or duration >= 100d)", 4.0)]
    [InlineData("-(2 + 3) * 10%", -0.5)]
    [InlineData("count(cases where follows(Deliver, \"NPS survey\"))", 3.0)]
    [InlineData("count(cases where follows(\"NPS survey\", Deliver))", 0.0)]
    public void Evaluate_Expression_MatchesHandComputedValue(string text, double expected)
    {
        // Given delivery 1, 2, 3, 5 days; scores 10, 8, 0 and none; survey one day after delivery
        var log = Orders([1, 2, 3, 5], [10, 8, 0, null]);

        // When
        var value = KpiExpression.Parse(text).Evaluate(log);

        // Then
        value.ShouldNotBeNull().ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Evaluate_EmptyAverageOrDivisionByZero_IsUndefined()
    {
        var log = Orders([1], [null]);

        KpiExpression.Parse("avg(event.score)").Evaluate(log).ShouldBeNull();
        KpiExpression.Parse("count(cases) / count(events where activity == Nothing)").Evaluate(log).ShouldBeNull();
    }

    [Theory]
    [InlineData("count(cases", 11, "expected ')' before the end")]
    [InlineData("count(orders)", 6, "expected 'events' or 'cases'")]
    [InlineData("median(event.score)", 0, "unknown function 'median'")]
    [InlineData("avg(score)", 4, "'score' is not a field")]
    [InlineData("count(cases where color == red)", 18, "unknown condition subject 'color'")]
    [InlineData("count(events where activity > \"A\")", 28, "activity can only be compared with ==, != or in")]
    [InlineData("count(cases) $ 2", 13, "unexpected character '$'")]
    [InlineData("3x", 1, "unknown unit 'x'")]
    [InlineData("percentile(duration, 500)", 21, "percentile() needs a number from 0 to 100")]
    [InlineData("count(cases) 2", 13, "expected an operator")]
    public void Parse_BadExpression_ErrorPointsAtTheFault(string text, int position, string reason)
    {
        var error = Should.Throw<KpiExpressionException>(() => KpiExpression.Parse(text));

        error.Position.ShouldBe(position);
        error.Reason.ShouldContain(reason);
        error.Message.ShouldContain($"at column {position + 1}");
    }
}
