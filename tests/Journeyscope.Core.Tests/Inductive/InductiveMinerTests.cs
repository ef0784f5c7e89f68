using CsCheck;
using Journeyscope.Discovery;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Inductive;

public sealed class InductiveMinerTests
{
    private static EventLog Log(params string[] traces)
    {
        var builder = new EventLogBuilder();
        for (var c = 0; c < traces.Length; c++)
        {
            var events = traces[c].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < events.Length; i++)
            {
                builder.AddEvent("c" + c, events[i], new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks + (i * TimeSpan.TicksPerMinute));
            }
        }

        return builder.Build();
    }

    [Theory]
    [InlineData("->( 'a', 'b', 'c' )", "a b c", "a b c")]
    [InlineData("->( 'a', X( 'c', 'b' ), 'd' )", "a b d", "a c d")]
    [InlineData("->( 'a', +( 'c', 'b' ), 'd' )", "a b c d", "a c b d")]
    [InlineData("->( 'a', *( 'b', 'c' ), 'd' )", "a b d", "a b c b d", "a b c b c b d")]
    [InlineData("->( 'a', X( tau, 'b' ), 'c' )", "a b c", "a c")]
    public void Discover_TextbookLogs_FindTheTextbookTree(string expected, params string[] traces)
    {
        // Choice and parallel children come in PM4Py's tree_sort order (MD5 of the labels): 'c' sorts before 'b'.
        // When
        var tree = InductiveMiner.Discover(Log(traces), 0, TestContext.Current.CancellationToken);

        // Then
        tree.ToString().ShouldBe(ProcessTree.Parse(expected).ToString());
    }

    [Fact]
    public void Discover_RareRepeatBelowNoise_IsFilteredOut()
    {
        // Given 20 cases a b and one a b a b: no cut holds on the full graph, so IMf drops the rare edge b -> a
        var traces = Enumerable.Repeat("a b", 20).Append("a b a b").ToArray();

        // When
        var strict = InductiveMiner.Discover(Log(traces), 0, TestContext.Current.CancellationToken);
        var noisy = InductiveMiner.Discover(Log(traces), 0.2, TestContext.Current.CancellationToken);

        // Then noise 0 loops over the whole case; at 0.2 the sequence a, b is found and only b's sub-log (with its
        // trace b b, as the sequence projection assigns the second a to nothing) keeps a repeat
        strict.ToString().ShouldBe("*( ->( 'a', 'b' ), tau )");
        noisy.ToString().ShouldBe("->( 'a', *( 'b', tau ) )");
    }

    [Fact]
    public void Discover_NoiseOutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => InductiveMiner.Discover(Log("a"), 1.0, TestContext.Current.CancellationToken));
        Should.Throw<ArgumentOutOfRangeException>(() => InductiveMiner.Discover(Log("a"), double.NaN, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Discover_EmptyLog_IsASilentStep()
    {
        InductiveMiner.Discover(EventLog.Empty, 0, TestContext.Current.CancellationToken).IsSilent.ShouldBeTrue();
    }

    [Fact]
    public void TreeLanguage_Checker_RejectsTracesOutsideTheTree()
    {
        // The checker itself must be able to say no, or the property below proves nothing.
        var tree = ProcessTree.Parse("->( 'a', *( 'b', tau ), +( 'c', 'd' ) )");

        TreeLanguage.Accepts(tree, ["a", "b", "b", "d", "c"]).ShouldBeTrue();
        TreeLanguage.Accepts(tree, ["a", "c", "d"]).ShouldBeFalse();
        TreeLanguage.Accepts(tree, ["a", "b", "c"]).ShouldBeFalse();
        TreeLanguage.Accepts(tree, ["b", "a", "c", "d"]).ShouldBeFalse();
    }

    [Fact]
    public void Discover_NoiseZero_ReplaysEveryTraceOfItsLog()
    {
        // Few activities and short traces so that loops, repeats, choices and interleavings all occur.
        Gen.Int[0, 4].Select(i => ((char)('a' + i)).ToString()).Array[1, 7].Array[1, 9].Sample(traces =>
        {
            // Given
            var log = Log(traces.Select(t => string.Join(' ', t)).ToArray());

            // When
            var tree = InductiveMiner.Discover(log, 0, TestContext.Current.CancellationToken);

            // Then
            foreach (var trace in traces)
            {
                TreeLanguage.Accepts(tree, trace).ShouldBeTrue($"{tree} should replay {string.Join(' ', trace)}");
            }

            tree.Labels().ToHashSet().SetEquals(traces.SelectMany(t => t)).ShouldBeTrue();
        }, iter: 300);
    }
}
