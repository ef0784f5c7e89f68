using CsCheck;
using Journeyscope.Identity;

namespace Journeyscope.Core.Tests.Identity;

/// <summary>The graph is a function of the set of observations: order and repeats never matter.</summary>
public sealed class IdentityGraphPropertyTests
{
    // Few ids so that conflicts (one anonymous id, several customers; known ids used as anonymous ones) are common.
    private static readonly string[] Ids = ["a1", "a2", "a3", "a4", "u1", "u2", "u3", "null", ""];

    private static readonly Gen<IdentityLink> GenLink =
        Gen.Select(Gen.Int[0, Ids.Length - 1], Gen.Int[0, Ids.Length - 1], Gen.Int[0, 5])
            .Select((a, c, t) => new IdentityLink(Ids[a], Ids[c], t));

    private static readonly Gen<(string[] Known, IdentityLink[] Links)> GenObservations =
        Gen.Select(Gen.Int[4, Ids.Length - 1].Select(i => Ids[i]).Array[0, 4], GenLink.Array[0, 20]);

    [Fact]
    public void Build_AnyShuffle_GivesTheSameGraph() =>
        Gen.Select(GenObservations, Gen.Int).Sample((observations, seed) =>
        {
            // Given the same observations in another order of arrival
            var (known, links) = observations;
            var random = new Random(seed);
            var shuffledLinks = links.ToArray();
            random.Shuffle(shuffledLinks);
            var shuffledKnown = known.ToArray();
            random.Shuffle(shuffledKnown);

            // When both graphs are built
            var expected = IdentityGraph.Build(known, links);
            var actual = IdentityGraph.Build(shuffledKnown, shuffledLinks);

            // Then they are equal: the same merges and the same refusals
            Describe(actual).ShouldBe(Describe(expected));
        });

    [Fact]
    public void Build_ReplayedObservations_ChangeNothing() =>
        Gen.Select(GenObservations, GenObservations).Sample((observations, replayed) =>
        {
            // Given some observations, and a replay of any part of them (identify sent again, a batch re-sent)
            var (known, links) = observations;
            var replayLinks = links.Where((_, i) => i < replayed.Links.Length).ToArray();
            var replayKnown = known.Where((_, i) => i % 2 == 0).ToArray();

            // When they are applied again
            var once = IdentityGraph.Build(known, links);
            var twice = IdentityGraph.Build(known.Concat(replayKnown), links.Concat(replayLinks).Concat(links));

            // Then nothing changes
            Describe(twice).ShouldBe(Describe(once));
        });

    [Fact]
    public void Build_AnyObservations_KeepsTheRules() =>
        GenObservations.Sample(observations =>
        {
            var (known, links) = observations;
            var graph = IdentityGraph.Build(known, links);
            var knownSet = known.Where(k => !JunkIds.IsJunk(k))
                .Concat(links.Where(l => l.AnonymousId != l.CustomerId && !JunkIds.IsJunk(l.CustomerId)).Select(l => l.CustomerId))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (anonymous, customer) in graph.Merges)
            {
                // Junk never merges, known customers never merge, targets never merge further (no chains)
                JunkIds.IsJunk(anonymous).ShouldBeFalse();
                JunkIds.IsJunk(customer).ShouldBeFalse();
                knownSet.ShouldNotContain(anonymous);
                graph.IsMerged(customer).ShouldBeFalse();

                // The winner is the earliest link of the anonymous id, ties by customer id
                var earliest = links.Where(l => l.AnonymousId == anonymous && !JunkIds.IsJunk(l.CustomerId) && l.CustomerId != anonymous)
                    .OrderBy(l => l.UtcTicks).ThenBy(l => l.CustomerId, StringComparer.Ordinal).First();
                customer.ShouldBe(earliest.CustomerId);
            }
        });

    private static string Describe(IdentityGraph graph) =>
        string.Join(";", graph.Merges.Select(m => m.Key + ">" + m.Value)) + "|" +
        string.Join(";", graph.Refused.Select(r => $"{r.AnonymousId}>{r.CustomerId}@{r.UtcTicks}:{r.Reason}:{r.KeptWith}")) + "|" + graph.KnownCount;
}
