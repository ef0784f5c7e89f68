using Journeyscope.Agenda;
using Journeyscope.Filters;

namespace Journeyscope.Core.Tests.Agenda;

public sealed class RootCauseAnalysisTests
{
    private static readonly LogFilter[] Escalated = [FilterParser.Parse("contains Escalate")];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Analyze_OneAttributeDeterminesTheOutcome_ThatAttributeRanksFirst()
    {
        // Given a log where gold customers are escalated 60 % of the time and everyone else 10 % (noise on both sides)
        var log = RootCauseLogs.Generate(seed: 3, cases: 1500, goldRate: 0.6, baseRate: 0.1);

        // When the escalation outcome is analysed
        var result = RootCauseAnalysis.Analyze(log, 1, Escalated, cancellationToken: Ct);

        // Then tier = gold ranks first, explains the outcome, and its interval holds the true difference of 0.5
        var top = result.Factors[0];
        (top.Kind, top.Attribute, top.Value).ShouldBe(("case-attribute", "tier", "gold"));
        top.Explains.ShouldBeTrue();
        top.Low.ShouldBeLessThan(0.5);
        top.High.ShouldBeGreaterThan(0.5);
        top.Lift.ShouldNotBeNull().ShouldBeGreaterThan(1.5);
        result.Factors.Where(f => f.Attribute is "region" or "plan").ShouldAllBe(f => !f.Explains);
        result.OutcomeCases.ShouldBe(result.Factors.Where(f => f.Attribute == "tier").Sum(f => f.OutcomeCases));
    }

    [Fact]
    public void Analyze_CauseMovedToAnotherValue_FollowsTheData()
    {
        // Given the same mechanism on bronze instead of gold (the test must not rely on names)
        var log = RootCauseLogs.Generate(seed: 5, cases: 1500, goldRate: 0.6, baseRate: 0.1, causeTier: "bronze");

        // When analysed, then bronze ranks first
        var top = RootCauseAnalysis.Analyze(log, 1, Escalated, cancellationToken: Ct).Factors[0];
        (top.Attribute, top.Value).ShouldBe(("tier", "bronze"));
    }

    [Fact]
    public void Analyze_AttributesIndependentOfTheOutcome_FalseDiscoveriesStayWithinTheRate()
    {
        // Given 40 logs where every case is escalated with 20 %, whatever its attributes
        const int Seeds = 40;
        int tested = 0, excludingZero = 0, runsWithADiscovery = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var log = RootCauseLogs.Generate(seed, cases: 600, goldRate: 0.2, baseRate: 0.2);

            // When each is analysed with every factor listed
            var result = RootCauseAnalysis.Analyze(log, 1, Escalated, new RootCauseOptions { Top = 1000, Pairs = true }, Ct);

            result.Factors.Count.ShouldBe(result.Tested);
            tested += result.Tested;
            excludingZero += result.Factors.Count(f => f.Low > 0 || f.High < 0);
            runsWithADiscovery += result.Factors.Any(f => f.Explains) ? 1 : 0;
        }

        // Then about 5 % of the marginal intervals exclude zero (binomial tolerance), and under this global null the
        // share of runs with any discovery (= the false discovery rate) stays within 5 % (at most 5 of 40: P < 2 % by chance)
        tested.ShouldBeGreaterThan(Seeds * 10);
        ((double)excludingZero / tested).ShouldBeLessThan(0.08);
        runsWithADiscovery.ShouldBeLessThanOrEqualTo(5);
    }

    [Fact]
    public void Analyze_SlowBackstageForOneTier_ShowsThatHandOverAndItsWait()
    {
        // Given silver cases whose parcels wait 30 h between Pack and Ship instead of 2 h
        var log = RootCauseLogs.Generate(seed: 9, cases: 900, goldRate: 0.2, baseRate: 0.2, slowTier: "silver");

        // When the outcome is "took more than a day"
        var result = RootCauseAnalysis.Analyze(log, 1, [FilterParser.Parse("duration 1d..")], cancellationToken: Ct);

        // Then the backstage hand-over behind it is Pack -> Ship, about 28 h longer, and silver and the wait before Ship rank at the top
        var wait = result.Backstage[0];
        (wait.From, wait.To).ShouldBe(("Pack", "Ship"));
        wait.DifferenceSeconds.ShouldBeInRange(27 * 3600, 29 * 3600);
        wait.Low.ShouldBeGreaterThan(0);
        result.Factors.Take(2).Select(f => (f.Kind, f.Attribute)).ShouldBe([("case-attribute", "tier"), ("wait", "Ship")], ignoreOrder: true);
    }

    [Fact]
    public void Analyze_OutcomeDefinedByAnAttribute_LeavesThatAttributeOut()
    {
        // Given an outcome that is a case attribute
        var log = RootCauseLogs.Generate(seed: 2, cases: 600, goldRate: 0.6, baseRate: 0.1);

        // When analysed
        var result = RootCauseAnalysis.Analyze(log, 1, [FilterParser.Parse("case.tier == gold")], cancellationToken: Ct);

        // Then tier does not explain itself, and the note says so
        result.Factors.ShouldNotContain(f => f.Attribute == "tier");
        result.Notes.ShouldContain(n => n.Contains("tier", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_PairsRequested_FindsTheCombinationThatBeatsBothParts()
    {
        // Given escalation driven by gold customers of the pro plan only
        var log = RootCauseLogs.Generate(seed: 4, cases: 3000, goldRate: 0.2, baseRate: 0.2);
        var tier = log.FindCaseAttribute("tier")!;
        var plan = log.FindCaseAttribute("plan")!;
        var random = new Random(1);
        var outcome = new bool[log.CaseCount];
        for (var c = 0; c < outcome.Length; c++)
        {
            var cause = tier.GetValue(c)!.Value.AsString() == "gold" && plan.GetValue(c)!.Value.AsString() == "pro";
            outcome[c] = random.NextDouble() < (cause ? 0.7 : 0.1);
        }

        // When the pair search is on
        var result = RootCauseAnalysis.Analyze(log, 1, outcome, ["gold pro"], new RootCauseOptions { Pairs = true }, Ct);

        // Then the pair ranks first
        var top = result.Factors[0];
        top.Kind.ShouldBe("pair");
        top.Value.Split(" & ").ShouldBe(["gold", "pro"], ignoreOrder: true);
    }

    [Fact]
    public void Analyze_UnknownByAttribute_Throws()
    {
        var log = RootCauseLogs.Generate(seed: 1, cases: 50, goldRate: 0.5, baseRate: 0.1);
        Should.Throw<ArgumentException>(() => RootCauseAnalysis.Analyze(log, 1, Escalated, new RootCauseOptions { By = ["tire"] }, Ct))
            .Message.ShouldContain("tire");
    }
}
