using Journeyscope.Statistics;

namespace Journeyscope.Core.Tests.Statistics;

/// <summary>Benjamini-Hochberg: the textbook adjustment, and the false discovery rate held at its level over seeds.</summary>
public sealed class BenjaminiHochbergTests
{
    [Fact]
    public void Adjust_KnownPValues_MatchesTheStepUpFormula()
    {
        // Given five p-values, When adjusted
        var adjusted = BenjaminiHochberg.Adjust([0.01, 0.04, 0.03, 0.2, double.NaN]);

        // Then q(i) = min over j ≥ i of p(j)·m/j with m = 4 tests (the NaN is not a test)
        adjusted[0].ShouldBe(0.04, 1e-12);
        adjusted[1].ShouldBe(0.04 * 4 / 3, 1e-12);
        adjusted[2].ShouldBe(0.04 * 4 / 3, 1e-12);
        adjusted[3].ShouldBe(0.2, 1e-12);
        double.IsNaN(adjusted[4]).ShouldBeTrue();
    }

    [Fact]
    public void Discoveries_AllNullOver200Seeds_FalseDiscoveryRateAtMostTheLevel()
    {
        // Given 200 families of 30 true null tests (uniform p-values)
        var familiesWithAFalseDiscovery = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var p = Enumerable.Range(0, 30).Select(_ => random.NextDouble()).ToArray();

            // When BH is applied at 5 %
            familiesWithAFalseDiscovery += BenjaminiHochberg.Discoveries(p, 0.05).Any(d => d) ? 1 : 0;
        }

        // Then (all null: FDR = chance of any discovery) at most ~5 % of families have one, unlike 30 raw tests at 5 %
        ((double)familiesWithAFalseDiscovery / 200).ShouldBeLessThanOrEqualTo(0.08);
    }

    [Fact]
    public void Discoveries_MixedOver200Seeds_FalseDiscoveryProportionAveragesBelowTheLevel()
    {
        // Given 200 families of 40 tests: 30 nulls and 10 true effects (p-values of z ~ N(3, 1))
        double proportions = 0;
        var truePositives = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(10_000 + seed);
            var p = new double[40];
            for (var i = 0; i < 40; i++)
            {
                p[i] = i < 30 ? random.NextDouble() : Normal.TwoSidedP(3 + Gaussian(random));
            }

            // When BH is applied at 10 %
            var d = BenjaminiHochberg.Discoveries(p, 0.10);
            var falseOnes = d.Take(30).Count(x => x);
            var all = d.Count(x => x);
            truePositives += d.Skip(30).Count(x => x);
            proportions += all == 0 ? 0 : (double)falseOnes / all;
        }

        // Then the mean false discovery proportion is at most 10 % × 30/40 (+ noise), and most effects are found
        (proportions / 200).ShouldBeLessThanOrEqualTo(0.10);
        truePositives.ShouldBeGreaterThan(200 * 10 / 2);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
