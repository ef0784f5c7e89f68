using Journeyscope.Statistics;

namespace Journeyscope.Core.Tests.Statistics;

/// <summary>The seeded case-level Poisson bootstrap: deterministic, mergeable, and its 95 % intervals cover ~95 % of the time.</summary>
public sealed class BootstrapTests
{
    private const int Seeds = 200;

    [Fact]
    public void PoissonWeights_ManyCases_MeanAndVarianceAreOne()
    {
        // Given the weights of 20,000 cases in one replicate
        var weights = Enumerable.Range(0, 20_000).Select(i => (double)PoissonWeights.Weight(PoissonWeights.CaseKey("case-" + i), 3, 7)).ToArray();

        // When their mean and variance are read
        var mean = weights.Average();
        var variance = weights.Select(w => (w - mean) * (w - mean)).Sum() / (weights.Length - 1);

        // Then they are those of Poisson(1), and the same key gives the same weight again
        mean.ShouldBe(1, 0.03);
        variance.ShouldBe(1, 0.05);
        PoissonWeights.Weight(PoissonWeights.CaseKey("case-5"), 3, 7).ShouldBe((int)weights[5]);
    }

    [Fact]
    public void Merge_ChunksInAnyOrder_EqualsOnePass()
    {
        // Given 300 cases added once in one partial and once in three chunks in reverse order
        var cases = Enumerable.Range(0, 300).Select(i => (Key: PoissonWeights.CaseKey("c" + i), Group: i % 2, Value: i % 7)).ToList();
        var whole = new BootstrapPartial(2, 50, 11);
        foreach (var c in cases)
        {
            whole.Add(c.Key, c.Group, c.Value, 1);
        }

        var merged = new BootstrapPartial(2, 50, 11);
        foreach (var chunk in cases.Chunk(100).Reverse())
        {
            var partial = new BootstrapPartial(2, 50, 11);
            var row = new byte[50];
            foreach (var c in chunk)
            {
                PoissonWeights.Row(c.Key, 11, row);
                partial.Add(row, c.Group, c.Value, 1);
            }

            merged.Merge(partial);
        }

        // When both are read, Then every replicate's sums are the same
        for (var r = 0; r <= 50; r++)
        {
            for (var g = 0; g < 2; g++)
            {
                merged.Numerator(r, g).ShouldBe(whole.Numerator(r, g), 1e-9);
                merged.Denominator(r, g).ShouldBe(whole.Denominator(r, g), 1e-9);
            }
        }

        Differences.Crude(merged).ShouldBe(Differences.Crude(whole));
    }

    [Fact]
    public void Crude_RiskDifferenceOver200Seeds_CoversTheTrueDifferenceAbout95Percent()
    {
        // Given 200 samples of 400 exposed cases at risk 0.30 and 400 unexposed at 0.20 (true difference 0.10)
        var covered = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var partial = new BootstrapPartial(2, 400, seed);
            for (var i = 0; i < 800; i++)
            {
                var exposed = i % 2;
                var outcome = random.NextDouble() < (exposed == 1 ? 0.30 : 0.20) ? 1 : 0;
                partial.Add(PoissonWeights.CaseKey($"{seed}-{i}"), exposed, outcome, 1);
            }

            // When the crude risk difference is estimated
            var estimate = Differences.Crude(partial);
            covered += estimate.Low <= 0.10 && estimate.High >= 0.10 ? 1 : 0;
        }

        // Then its 95 % interval covers 0.10 in about 95 % of the samples
        ((double)covered / Seeds).ShouldBeInRange(0.90, 0.99);
    }

    [Fact]
    public void Crude_MeanDifferenceOfSkewedValuesOver200Seeds_CoversAbout95Percent()
    {
        // Given exponential durations with means 5 (exposed) and 4 (unexposed), 300 cases each
        var covered = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(1000 + seed);
            var partial = new BootstrapPartial(2, 400, seed);
            for (var i = 0; i < 600; i++)
            {
                var exposed = i % 2;
                var value = -Math.Log(1 - random.NextDouble()) * (exposed == 1 ? 5 : 4);
                partial.Add(PoissonWeights.CaseKey($"m{seed}-{i}"), exposed, value, 1);
            }

            var estimate = Differences.Crude(partial);
            covered += estimate.Low <= 1 && estimate.High >= 1 ? 1 : 0;
        }

        // Then the interval covers the true difference 1 in about 95 % of the samples
        ((double)covered / Seeds).ShouldBeInRange(0.90, 0.99);
    }

    [Fact]
    public void Stratified_ExposureConcentratedInARiskyStratum_AdjustedRemovesTheConfounding()
    {
        // Given exposure that is common in stratum 1 (high baseline risk) and rare in stratum 0, and no effect of exposure
        var crudeExcludes = 0;
        var adjustedCovers = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(5000 + seed);
            var crude = new BootstrapPartial(2, 300, seed);
            var strata = new BootstrapPartial(4, 300, seed);
            for (var i = 0; i < 1000; i++)
            {
                var stratum = i % 2;
                var exposed = random.NextDouble() < (stratum == 1 ? 0.8 : 0.2) ? 1 : 0;
                var outcome = random.NextDouble() < (stratum == 1 ? 0.5 : 0.1) ? 1 : 0;
                var key = PoissonWeights.CaseKey($"s{seed}-{i}");
                crude.Add(key, exposed, outcome, 1);
                strata.Add(key, (2 * stratum) + exposed, outcome, 1);
            }

            // When the crude and the Mantel-Haenszel adjusted risk differences are estimated
            crudeExcludes += Differences.Crude(crude).ExcludesZero ? 1 : 0;
            var adjusted = Differences.Stratified(strata);
            adjustedCovers += adjusted.Low <= 0 && adjusted.High >= 0 ? 1 : 0;
        }

        // Then the crude difference is spuriously "significant" almost always, the adjusted one covers zero ~95 %
        ((double)crudeExcludes / Seeds).ShouldBeGreaterThan(0.95);
        ((double)adjustedCovers / Seeds).ShouldBeInRange(0.90, 0.99);
    }

    [Fact]
    public void Median_TwoGroups_DifferenceOfMediansWithInterval()
    {
        // Given values 1..101 (median 51) and 11..111 shifted by 30 (median 91)
        var a = Enumerable.Range(11, 101).Select(v => v + 30.0).ToArray();
        var b = Enumerable.Range(1, 101).Select(v => (double)v).ToArray();
        var aKeys = a.Select((_, i) => PoissonWeights.CaseKey("a" + i)).ToArray();
        var bKeys = b.Select((_, i) => PoissonWeights.CaseKey("b" + i)).ToArray();

        // When the median difference is estimated
        var estimate = Differences.Median(a, aKeys, b, bKeys, new BootstrapOptions { Replicates = 300 });

        // Then it is 91 − 51 = 40 inside its interval, which excludes zero
        estimate.Value.ShouldBe(40);
        estimate.Low!.Value.ShouldBeLessThanOrEqualTo(40);
        estimate.High!.Value.ShouldBeGreaterThanOrEqualTo(40);
        estimate.ExcludesZero.ShouldBeTrue();
    }

    [Fact]
    public void CaseBootstrap_SameSeed_SameIntervalAsThePartial()
    {
        // Given 200 cases with values, in two groups, and the mean as a statistic over weighted cases
        var values = Enumerable.Range(0, 200).Select(i => (double)(i % 13)).ToArray();
        var keys = Enumerable.Range(0, 200).Select(i => PoissonWeights.CaseKey("k" + i)).ToArray();
        var exposed = Enumerable.Range(0, 200).Where(i => i % 3 == 0).ToArray();
        var unexposed = Enumerable.Range(0, 200).Where(i => i % 3 != 0).ToArray();
        var partial = new BootstrapPartial(2, 100, 3);
        foreach (var i in Enumerable.Range(0, 200))
        {
            partial.Add(keys[i], i % 3 == 0 ? 1 : 0, values[i], 1);
        }

        // When the difference is bootstrapped by re-evaluation and from the partial
        var evaluated = CaseBootstrap.Difference(exposed, unexposed, keys,
            (cases, weights) => cases.Select((c, j) => values[c] * weights[j]).Sum() / weights.Sum(), new BootstrapOptions { Replicates = 100, Seed = 3 });
        var summed = Differences.Crude(partial);

        // Then both give the same estimate and interval
        evaluated.Value!.Value.ShouldBe(summed.Value!.Value, 1e-9);
        evaluated.Low!.Value.ShouldBe(summed.Low!.Value, 1e-9);
        evaluated.High!.Value.ShouldBe(summed.High!.Value, 1e-9);
    }
}
