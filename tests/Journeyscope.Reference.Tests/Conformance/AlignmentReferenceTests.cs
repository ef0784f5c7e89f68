using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.IO;
using Journeyscope.TestSupport;

namespace Journeyscope.Reference.Tests.Conformance;

/// <summary>Alignments in the wall-clock basis equal PM4Py 2.7.14's <c>fitness_alignments</c> on the reference logs.</summary>
public sealed class AlignmentReferenceTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Logs => ReferenceLogs.Names;

    internal static PetriNet Model(string log) => PnmlReader.Read(SharedData.Path($"reference/{log}/model_inductive_0.2.pnml"));

    [Theory]
    [MemberData(nameof(Logs))]
    public void Alignments_WallClock_EqualPm4pyFitness(string log)
    {
        // Given
        var expected = ReferenceLogs.Json(log, "fitness_alignments.json").GetProperty("result");
        var net = Model(log);

        // When
        var result = Alignments.Compute(ReferenceLogs.Load(log), net, new AlignmentOptions { TimeBasis = TimeBasis.WallClock },
            TestContext.Current.CancellationToken);

        // Then
        result.PercentageOfFittingTraces.ShouldBe(expected.GetProperty("percentage_of_fitting_traces").GetDouble(), Tolerance);
        result.AverageTraceFitness.ShouldBe(expected.GetProperty("average_trace_fitness").GetDouble(), Tolerance);
        result.LogFitness.ShouldBe(expected.GetProperty("log_fitness").GetDouble(), Tolerance);
    }
}
