using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.TestSupport;

namespace Journeyscope.Reference.Tests.Inductive;

/// <summary>IMf at noise 0.2 in the wall-clock basis against PM4Py 2.7.14's <c>model_inductive_0.2_tree.txt</c>.</summary>
public sealed class InductiveMinerReferenceTests
{
    public static TheoryData<string> Logs => ReferenceLogs.Names;

    [Theory]
    [MemberData(nameof(Logs))]
    public void Discover_Noise02_EqualsPm4pyTree(string log)
    {
        // Given
        var expected = ProcessTree.Parse(File.ReadAllText(SharedData.Path($"reference/{log}/model_inductive_0.2_tree.txt")).Trim());

        // When
        var tree = InductiveMiner.Discover(ReferenceLogs.Load(log).ToTimeBasis(TimeBasis.WallClock), 0.2, TestContext.Current.CancellationToken);

        // Then
        tree.ToString().ShouldBe(expected.ToString());
    }
}
