using CsCheck;
using Journeyscope.Conformance;
using static Journeyscope.Core.Tests.Conformance.ConformanceLogs;

namespace Journeyscope.Core.Tests.Conformance;

public sealed class PrefixAlignmentTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Advance_RandomNetsAndTraces_CompletionCostEqualsTheOfflineOptimalAlignment()
    {
        var tooLarge = 0;
        Gen.Select(Gen.Int, Gen.Int[0, 5].Array[1, 9], Gen.Int[1, 4]).Sample((seed, letters, depth) =>
        {
            // Given a random net (process trees of depth 1-4 with loops, choices, parallels, silent steps) and a random
            // trace over its alphabet plus an activity it does not have
            var net = Net(RandomTree(new Random(seed), depth));
            var trace = letters.Select(l => l == 5 ? "z" : ((char)('a' + l)).ToString()).ToArray();
            PrefixAlignment model;
            try
            {
                model = PrefixAlignment.Create(net, cancellationToken: Token);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("reachable markings", StringComparison.Ordinal))
            {
                // A deep tree of nested parallels can exceed the live bound (refused by design): not a sample of the property.
                Interlocked.Increment(ref tooLarge);
                return;
            }

            // When the trace is fed event by event
            var state = model.Start();
            var previous = 0;
            foreach (var activity in trace)
            {
                var step = model.Advance(state, activity);

                // Then the prefix cost never falls, and each step reports what it added
                step.Deviations.ShouldBeGreaterThanOrEqualTo(previous);
                step.AddedDeviations.ShouldBe(step.Deviations - previous);
                (step.Kind == PrefixStepKind.Conforming).ShouldBe(step.AddedDeviations == 0);
                previous = step.Deviations;
            }

            // And the completed case costs exactly what the offline optimal alignment costs (raw: deviations and silent moves)
            var offline = Alignments.Compute(Log(trace), net, cancellationToken: Token).ForCase(0);
            model.CompletionRawCost(state).ShouldBe(offline.RawCost, $"net {RandomTree(new Random(seed), depth)}, trace {string.Join(",", trace)}");
            model.CompletionDeviations(state).ShouldBe(offline.Cost);
            state.Size.ShouldBeLessThanOrEqualTo(model.MarkingCount);
        }, iter: 300);

        // (nets refused as too large for live alignment are rare: the property is checked on nearly all 300)
        tooLarge.ShouldBeLessThan(30);
    }

    [Fact]
    public void Advance_RunsOfTheNet_StayConformingAndComplete()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var net = Net(RandomTree(random, 3));
            var trace = PlayOut(net, random);
            if (trace is null)
            {
                return;
            }

            var model = PrefixAlignment.Create(net, cancellationToken: Token);
            var state = model.Start();
            foreach (var activity in trace)
            {
                model.Advance(state, activity).Kind.ShouldBe(PrefixStepKind.Conforming);
            }

            model.CompletionDeviations(state).ShouldBe(0);
            model.IsComplete(state).ShouldBeTrue();
        }, iter: 200);
    }

    [Fact]
    public void Advance_SkippedStepAndUnexpectedStep_AreToldApartAtOnce()
    {
        // Given the designed flow a, b, c, d
        var model = PrefixAlignment.Create(Net("->( 'a', 'b', 'c', 'd' )"), cancellationToken: Token);
        var state = model.Start();

        // When the customer does a, then c (skipping b), then x (not designed), then d
        var a = model.Advance(state, "a");
        var c = model.Advance(state, "c");
        var x = model.Advance(state, "x");
        var d = model.Advance(state, "d");

        // Then
        a.Kind.ShouldBe(PrefixStepKind.Conforming);
        c.Kind.ShouldBe(PrefixStepKind.Skipped);
        c.AddedDeviations.ShouldBe(1);
        x.Kind.ShouldBe(PrefixStepKind.Unexpected);
        d.Kind.ShouldBe(PrefixStepKind.Conforming);
        d.Deviations.ShouldBe(2);
        model.IsComplete(state).ShouldBeTrue();
        model.CompletionDeviations(state).ShouldBe(2);
    }
}
