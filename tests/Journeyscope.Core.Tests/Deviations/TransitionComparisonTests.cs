using Journeyscope.Conformance;
using Journeyscope.Journeys;
using static Journeyscope.Core.Tests.Deviations.DeviationTestData;

namespace Journeyscope.Core.Tests.Deviations;

public sealed class TransitionComparisonTests
{
    [Fact]
    public void Analyze_Transitions_ReportUndesignedAndNeverTakenEdges()
    {
        // Given flow browse, X(checkout, pay), ship, deliver: nobody pays; one case goes checkout -> Chat -> deliver
        var journey = Shop(ProcessTree.Parse("->( 'browse', X( 'checkout', 'pay' ), 'ship', 'deliver' )"));
        var log = Log(Case("a", "browse", "checkout", "ship", "deliver"), Case("b", "browse", "checkout", "Chat", "deliver"));
        var alignments = Alignments(log, new()
        {
            ["browse checkout ship deliver"] = Align(4, "browse", "checkout", "ship", "deliver"),
            ["browse checkout Chat deliver"] = Align(4, "browse", "checkout", "+Chat", "-ship", "deliver"),
        });

        // When
        var transitions = DeviationAnalysis.Analyze(log, journey, alignments, cancellationToken: TestContext.Current.CancellationToken).Transitions!;

        // Then unmapped Chat is left out, so b has checkout -> deliver directly
        transitions.Undesigned.Select(e => $"{e}={e.Count}").ShouldBe(["checkout -> deliver=1"]);
        transitions.NeverTaken.Select(e => e.ToString()).ShouldBe(["browse -> pay", "pay -> ship"]);
        transitions.Observed.Single(e => e.ToString() == "[start] -> browse").ShouldBe(new TransitionEdge(null, "browse", 2, 2, true));
        transitions.DesignedCount.ShouldBe(1 + 5 + 1);
    }

    [Fact]
    public void Analyze_NoFlow_HasNoTransitionsAndSaysWhy()
    {
        var journey = Shop() with { Flow = null };
        var log = Log(Case("a", "browse"));
        var alignments = Alignments(log, new() { ["browse"] = Align(0, "+browse") });

        var report = DeviationAnalysis.Analyze(log, journey, alignments, cancellationToken: TestContext.Current.CancellationToken);

        report.Transitions.ShouldBeNull();
        report.Warnings.ShouldContain(w => w.Contains("no flow", StringComparison.Ordinal));
    }
}
