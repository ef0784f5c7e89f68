using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.TestSupport;

namespace Journeyscope.Reference.Tests.Conformance;

/// <summary>Converting PM4Py's discovered process trees gives PM4Py's nets: same size and the same alignment figures.</summary>
public sealed class ProcessTreeConversionReferenceTests
{
    public static TheoryData<string> Logs => ReferenceLogs.Names;

    private static PetriNet Converted(string log) =>
        ProcessTreeConversion.ToPetriNet(ProcessTree.Parse(File.ReadAllText(SharedData.Path($"reference/{log}/model_inductive_0.2_tree.txt"))));

    [Theory]
    [MemberData(nameof(Logs))]
    public void ToPetriNet_ReferenceTree_HasPm4pyNetSize(string log)
    {
        // Given
        var expected = AlignmentReferenceTests.Model(log);

        // When
        var net = Converted(log);

        // Then
        net.PlaceCount.ShouldBe(expected.PlaceCount);
        net.TransitionCount.ShouldBe(expected.TransitionCount);
        net.Transitions.Count(t => t.IsSilent).ShouldBe(expected.Transitions.Count(t => t.IsSilent));
        net.Arcs.Count.ShouldBe(expected.Arcs.Count);
        net.Labels.Order(StringComparer.Ordinal).ShouldBe(expected.Labels.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Alignments_ConvertedReferenceTree_EqualPm4pyFitness(string log)
    {
        // Given
        var expected = ReferenceLogs.Json(log, "fitness_alignments.json").GetProperty("result");

        // When
        var result = Alignments.Compute(ReferenceLogs.Load(log), Converted(log), new AlignmentOptions { TimeBasis = TimeBasis.WallClock },
            TestContext.Current.CancellationToken);

        // Then
        result.AverageTraceFitness.ShouldBe(expected.GetProperty("average_trace_fitness").GetDouble(), 1e-9);
        result.LogFitness.ShouldBe(expected.GetProperty("log_fitness").GetDouble(), 1e-9);
    }
}
