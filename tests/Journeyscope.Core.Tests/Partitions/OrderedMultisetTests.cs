using CsCheck;
using Journeyscope.Partitions;

namespace Journeyscope.Core.Tests.Partitions;

public sealed class OrderedMultisetTests
{
    [Fact]
    public void Select_AfterRandomAddsAndRemoves_EqualsSortedList()
    {
        Gen.Select(Gen.Int, Gen.Int[0, 3_000], Gen.Int[1, 50]).Sample((seed, operations, range) =>
        {
            // Given a multiset built in bulk from some values, then random adds and removes of values with many repeats
            var random = new Random(seed);
            var initial = Enumerable.Range(0, random.Next(0, 2_000)).Select(_ => (long)random.Next(range)).ToArray();
            var expected = initial.ToList();
            var set = OrderedMultiset.Of([.. initial]);
            for (var i = 0; i < operations; i++)
            {
                var value = (long)random.Next(range);
                if (random.Next(3) == 0)
                {
                    set.Remove(value).ShouldBe(expected.Remove(value));
                }
                else
                {
                    set.Add(value);
                    expected.Add(value);
                }
            }

            // Then every rank selects what the sorted list holds there
            expected.Sort();
            set.Count.ShouldBe(expected.Count);
            for (var k = 0; k < expected.Count; k++)
            {
                set.Select(k).ShouldBe(expected[k]);
            }
        }, iter: 40);
    }
}
