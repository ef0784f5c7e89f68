using Journeyscope.Conformance;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Conformance;

public sealed class ProcessTreeConversionTests
{
    [Fact]
    public void ToPetriNet_Sequence_IsAChainFromSourceToSink()
    {
        // Given / When
        var net = ProcessTreeConversion.ToPetriNet(ProcessTree.Parse("->( 'a', 'b' )"));

        // Then
        net.TransitionCount.ShouldBe(2);
        net.PlaceCount.ShouldBe(3);
        net.Transitions.Select(t => t.Label).ShouldBe(["a", "b"]);
        net.InitialMarking[net.FindPlace("source")].ShouldBe(1);
        net.FinalMarking[net.FindPlace("sink")].ShouldBe(1);
    }

    [Fact]
    public void ToPetriNet_OptionalStep_HasASilentSkip()
    {
        // Given / When
        var net = ProcessTreeConversion.ToPetriNet(ProcessTree.Parse("->( X( tau, 'a' ), 'b' )"));

        // Then
        net.Transitions.Count(t => t.IsSilent).ShouldBe(1);
        net.Transitions.Single(t => t.IsSilent).Id.ShouldStartWith("skip_");
    }

    [Fact]
    public void ToPetriNet_RootParallel_HasTauAtStartAndEndButReducedSplitAndJoin()
    {
        // Given a parallel root: PM4Py adds tau after source and before sink, then its reduction merges split and join into them
        // When
        var net = ProcessTreeConversion.ToPetriNet(ProcessTree.Parse("+( 'a', 'b' )"));

        // Then
        net.Transitions.Count(t => t.IsSilent).ShouldBe(2);
        net.PlaceCount.ShouldBe(6);
    }

    [Fact]
    public void ToPetriNet_LoopAfterStep_ReductionLeavesOnlyTheSilentExit()
    {
        // Given a loop after x: init_loop merges into x, loop into b and the final tau into the exit skip
        // When
        var net = ProcessTreeConversion.ToPetriNet(ProcessTree.Parse("->( 'x', *( 'a', 'b' ) )"));

        // Then
        net.Transitions.Where(t => t.IsSilent).Select(t => t.Id[..t.Id.LastIndexOf('_')]).Order(StringComparer.Ordinal)
            .ShouldBe(["skip"]);
        net.PlaceCount.ShouldBe(4);
    }
}
