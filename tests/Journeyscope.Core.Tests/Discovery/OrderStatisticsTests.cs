using CsCheck;
using Journeyscope.Discovery;

namespace Journeyscope.Core.Tests.Discovery;

public sealed class OrderStatisticsTests
{
    [Fact]
    public void MedianAndPercentile_AnyValues_EqualTheSortedDefinitions()
    {
        // Many duplicates and both small and large runs, so both the selection and the small-run sort are exercised.
        Gen.Long[0, 50].Array[1, 200].Sample(values =>
        {
            // Given
            var sorted = values.Order().ToArray();

            // When
            var median = OrderStatistics.Median(values.ToArray());
            var p90 = OrderStatistics.Percentile(values.ToArray(), 0.90);
            var p95 = OrderStatistics.Percentile(values.ToArray(), 0.95);

            // Then
            median.ShouldBe(SortedStatistics.Median(sorted));
            p90.ShouldBe(SortedStatistics.Percentile(sorted, 0.90));
            p95.ShouldBe(SortedStatistics.Percentile(sorted, 0.95));
        }, iter: 300);
    }

    [Fact]
    public void Kth_AnyValuesAndRank_PartitionsAroundTheRank()
    {
        Gen.Select(Gen.Long.Array[1, 300], Gen.Double[0, 1]).Sample(t =>
        {
            // Given
            var (values, at) = t;
            var k = (int)(at * (values.Length - 1));
            var expected = values.Order().ElementAt(k);
            var work = values.ToArray();

            // When
            var kth = OrderStatistics.Kth(work, k);

            // Then
            kth.ShouldBe(expected);
            work[..k].ShouldAllBe(v => v <= kth);
            work[(k + 1)..].ShouldAllBe(v => v >= kth);
            work.Order().ShouldBe(values.Order());
        }, iter: 300);
    }

    [Fact]
    public void SampleStandardDeviation_AnyOrder_GivesTheSameBits()
    {
        Gen.Long[0, 100_000_000_000_000].Array[2, 100].Sample(values =>
        {
            // Given
            var sum = values.Sum();
            var reversed = values.Reverse().ToArray();

            // When
            var forward = SortedStatistics.SampleStandardDeviation(values, sum);
            var backward = SortedStatistics.SampleStandardDeviation(reversed, sum);

            // Then
            forward.ShouldBe(backward);
            var mean = values.Average(v => (double)v);
            var naive = Math.Sqrt(values.Sum(v => ((v - mean) * (v - mean))) / (values.Length - 1)) / TimeSpan.TicksPerSecond;
            forward!.Value.ShouldBe(naive, Math.Max(1e-9 * naive, 1e-9));
        }, iter: 300);
    }
}
