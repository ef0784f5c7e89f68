using CsCheck;
using Journeyscope.Funnels;

namespace Journeyscope.Core.Tests.Funnels;

public sealed class SortedRunsTests
{
    [Fact]
    public void SelectAndQuantile_AnyRuns_EqualTheMergedSortedValues()
    {
        Gen.Long[-1_000_000_000_000L, 1_000_000_000_000L].Array[0, 40].Array[1, 9].Sample(runs =>
        {
            // Given sorted runs (some empty, with ties and negative values)
            var set = new SortedRuns();
            var merged = new List<long>();
            foreach (var run in runs)
            {
                Array.Sort(run);
                set.Add(run);
                merged.AddRange(run);
            }

            merged.Sort();

            // When every rank is selected and the quantiles are read / Then they equal the merged sequence's
            set.Count.ShouldBe(merged.Count);
            for (var k = 0; k < merged.Count; k++)
            {
                set.Select(k).ShouldBe(merged[k]);
            }

            foreach (var fraction in new[] { 0, 0.5, 0.9, 1 })
            {
                set.Quantile(fraction).ShouldBe(FunnelResult.Quantile(merged.ToArray(), fraction));
            }
        });
    }
}
