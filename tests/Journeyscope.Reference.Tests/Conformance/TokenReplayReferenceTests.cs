using Journeyscope.Conformance;
using Journeyscope.EventLogs;

namespace Journeyscope.Reference.Tests.Conformance;

/// <summary>Token replay in the wall-clock basis against PM4Py 2.7.14's <c>fitness_token_based_replay</c>, within the documented tolerance.</summary>
public sealed class TokenReplayReferenceTests
{
    /// <summary>The largest fitness gap measured on the four reference logs is 0.0080 (SEPSIS, average trace fitness): docs/conformance.md, "Token replay".</summary>
    private const double FitnessTolerance = 0.01;

    /// <summary>The percentage of fitting traces agrees exactly on the four reference logs.</summary>
    private const double PercentageTolerance = 1e-9;

    public static TheoryData<string> Logs => ReferenceLogs.Names;

    [Theory]
    [MemberData(nameof(Logs))]
    public void TokenReplay_WallClock_IsWithinToleranceOfPm4py(string log)
    {
        // Given
        var expected = ReferenceLogs.Json(log, "fitness_tbr.json");
        var net = AlignmentReferenceTests.Model(log);

        // When
        var result = TokenReplay.Compute(ReferenceLogs.Load(log), net, new AlignmentOptions { TimeBasis = TimeBasis.WallClock },
            TestContext.Current.CancellationToken);

        // Then
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{log}: fit% {result.PercentageOfFittingTraces:R} vs {expected.GetProperty("percentage_of_fitting_traces").GetDouble():R}; " +
            $"avg {result.AverageTraceFitness:R} vs {expected.GetProperty("average_trace_fitness").GetDouble():R}; " +
            $"log {result.LogFitness:R} vs {expected.GetProperty("log_fitness").GetDouble():R}");
        result.PercentageOfFittingTraces.ShouldBe(expected.GetProperty("percentage_of_fitting_traces").GetDouble(), PercentageTolerance);
        result.AverageTraceFitness.ShouldBe(expected.GetProperty("average_trace_fitness").GetDouble(), FitnessTolerance);
        result.LogFitness.ShouldBe(expected.GetProperty("log_fitness").GetDouble(), FitnessTolerance);
    }
}
