using System.Text.Json;
using System.Text.Json.Serialization;
using Journeyscope.Conformance;
using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;
using Journeyscope.IO.Tests.Journeys;
using Journeyscope.Partitions;
using Journeyscope.TestSupport;

namespace Journeyscope.IO.Tests.Partitions;

/// <summary>The partitioned journey conformance check over real logs and their sample journeys equals the whole log's.</summary>
public sealed class DeviationPartialRealDataTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Theory]
    [InlineData("receipt", 7, TimeBasis.Utc)]
    [InlineData("receipt", 64, TimeBasis.WallClock)]
    [InlineData("helpdesk", 64, TimeBasis.Utc)]
    public void Check_SampleJourneyOnItsLogPartitioned_EqualsWholeLog(string name, int partitions, TimeBasis basis)
    {
        // Given a real log and the sample journey written for it (personas, time targets, stages), every pattern listed
        var log = XesImporter.Import(SharedData.Path($"logs/{name}.xes.gz"), cancellationToken: TestContext.Current.CancellationToken).Log;
        var read = JourneyYaml.Read(Path.Combine(JourneyText.RepoRoot(), "samples", name, "journeys", name + ".yaml"));
        read.HasErrors.ShouldBeFalse(string.Join("\n", read.Diagnostics));
        var options = new JourneyConformanceOptions
        {
            Alignment = new AlignmentOptions { TimeBasis = basis },
            Deviations = new DeviationOptions { TopPatterns = 0 },
        };

        // When the check is mapped per partition, merged and finished
        var partial = DeviationPartial.Cache(read.Journey!, options)
            .Merge(PartitionedEventLog.Create(log, null, partitions, 1), -1, TestContext.Current.CancellationToken);
        var result = partial.Finish(1, TestContext.Current.CancellationToken);

        // Then it equals the whole log's check, byte for byte, and there are deviations to compare
        var whole = JourneyConformanceResult.From(JourneyConformance.Check(log, read.Journey!, options, TestContext.Current.CancellationToken), 1);
        whole.Patterns.Count.ShouldBeGreaterThan(5);
        whole.Segments.Count.ShouldBeGreaterThan(3);
        whole.TimeTargets.ShouldContain(t => t.MeasuredCases > 0);
        JsonSerializer.Serialize(result, Exact).ShouldBe(JsonSerializer.Serialize(whole, Exact));
    }
}
