using Journeyscope.Kpis;

namespace Journeyscope.Core.Tests.Kpis;

public sealed class KpiTargetTests
{
    [Theory]
    [InlineData(">= 40", TargetComparison.AtLeast, 40.0)]
    [InlineData("<= 3d", TargetComparison.AtMost, 259200.0)]
    [InlineData("<= 5%", TargetComparison.AtMost, 0.05)]
    [InlineData("> 1d12h", TargetComparison.Above, 129600.0)]
    [InlineData("< -10", TargetComparison.Below, -10.0)]
    public void Parse_WrittenTarget_GivesComparisonAndValueInKpiUnits(string text, TargetComparison comparison, double value)
    {
        // When
        var target = KpiTarget.Parse(text);

        // Then
        target.Comparison.ShouldBe(comparison);
        target.Value.ShouldBe(value, 1e-9);
    }

    [Theory]
    [InlineData("40", "must start with")]
    [InlineData(">= ", "no value")]
    [InlineData(">= 3 days", "is not a number, a percentage")]
    public void TryParse_BadTarget_ExplainsWhy(string text, string reason)
    {
        KpiTarget.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain(reason);
    }

    [Fact]
    public void Evaluate_ValuesAroundTarget_MetMissedOrNoData()
    {
        var target = KpiTarget.Parse("<= 3d");

        target.Evaluate(3 * 86400).ShouldBe(KpiStatus.Met);
        target.Evaluate((3 * 86400) + 1).ShouldBe(KpiStatus.Missed);
        target.Evaluate(null).ShouldBe(KpiStatus.NoData);
    }
}
