using Journeyscope.Statistics;

namespace Journeyscope.Core.Tests.Statistics;

/// <summary>The 97.5 % t quantile against published table values (R's qt(0.975, df)).</summary>
public sealed class StudentTTests
{
    [Theory]
    [InlineData(1, 12.706205)]
    [InlineData(3, 3.182446)]
    [InlineData(6, 2.446912)]
    [InlineData(10, 2.228139)]
    [InlineData(30, 2.042272)]
    [InlineData(120, 1.979930)]
    [InlineData(100000, 1.959988)]
    public void Quantile975_DegreesOfFreedom_MatchesTheTableWithin2e4(int degreesOfFreedom, double expected)
    {
        // When the quantile is computed; then it is the table's value within 2e-4
        Assert.InRange(StudentT.Quantile975(degreesOfFreedom), expected - 2e-4, expected + 2e-4);
    }

    [Fact]
    public void Quantile975_NoDegreesOfFreedom_NaN() => Assert.True(double.IsNaN(StudentT.Quantile975(0)));
}
