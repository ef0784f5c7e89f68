using Journeyscope.Conformance;
using Journeyscope.Journeys;
using static Journeyscope.Core.Tests.Deviations.DeviationTestData;

namespace Journeyscope.Core.Tests.Deviations;

public sealed class DeviationAnalysisTests
{
    private const string Fit = "browse checkout pay ship deliver";
    private const string NoBrowse = "checkout pay ship deliver";
    private const string PayTwice = "browse checkout pay pay ship deliver";
    private const string PayFirst = "browse pay checkout ship deliver";
    private const string WithChat = "browse checkout Chat pay ship deliver";
    private const string BrowseTwiceAsDesigned = "browse browse checkout pay ship deliver";

    private static readonly Dictionary<string, TraceAlignment> ShopAlignments = new()
    {
        [Fit] = Align(5, "browse", "checkout", "pay", "ship", "deliver"),
        [NoBrowse] = Align(5, "-browse", "checkout", "pay", "ship", "deliver"),
        [PayTwice] = Align(5, "browse", "checkout", "pay", "+pay", "ship", "deliver"),
        [PayFirst] = Align(5, "browse", "+pay", "checkout", "-pay", "ship", "deliver"),
        [WithChat] = Align(5, "browse", "checkout", "+Chat", "pay", "ship", "deliver"),
        ["browse checkout pay ship"] = Align(5, "browse", "checkout", "pay", "ship", "-deliver"),
        [BrowseTwiceAsDesigned] = Align(5, "browse", "browse", "checkout", "pay", "ship", "deliver"),
    };

    private static DeviationReport Analyze(params (string, Ev[], (string, string)[])[] cases)
    {
        var log = Log(cases);
        return DeviationAnalysis.Analyze(log, Shop(), Alignments(log, ShopAlignments), cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Analyze_OneCaseOfEachKind_CountsEachAtItsTouchpoint()
    {
        // Given one fitting case and one case per kind of deviation
        var report = Analyze(
            Case("fit", Fit.Split(' ')), Case("skip", NoBrowse.Split(' ')), Case("twice", PayTwice.Split(' ')),
            Case("early", PayFirst.Split(' ')), Case("chat", WithChat.Split(' ')));

        // Then
        report.CaseCount.ShouldBe(5);
        report.FittingCases.ShouldBe(1);
        var byId = report.Touchpoints.ToDictionary(t => t.TouchpointId);
        byId["browse"].ShouldBe(new TouchpointDeviations("browse", "BROWSE", "awareness", 4, Skipped: 1, Inserted: 0, OutOfOrder: 0, Repeated: 0));
        byId["pay"].ShouldBe(new TouchpointDeviations("pay", "PAY", "purchase", 5, Skipped: 0, Inserted: 1, OutOfOrder: 1, Repeated: 1));
        byId["checkout"].ShouldBe(new TouchpointDeviations("checkout", "CHECKOUT", "purchase", 5, 0, 0, 0, 0));
        report.UnmappedSteps.ShouldBe([new UnmappedStep("Chat", 1, 1)]);
    }

    [Fact]
    public void Analyze_Stages_CountACaseOncePerKind()
    {
        // Given a case that repeats and inserts pay, and one that does pay out of order (both in stage purchase)
        var report = Analyze(Case("twice", PayTwice.Split(' ')), Case("early", PayFirst.Split(' ')), Case("skip", NoBrowse.Split(' ')));

        // Then purchase counts each case once per kind, and once as deviating
        var purchase = report.Stages.Single(s => s.StageId == "purchase");
        purchase.ShouldBe(new StageDeviations("purchase", "Purchase", 3, Skipped: 0, Inserted: 1, OutOfOrder: 1, Repeated: 1, Deviating: 2));
        report.Stages.Single(s => s.StageId == "awareness").ShouldBe(new StageDeviations("awareness", "Awareness", 2, 1, 0, 0, 0, 1));
    }

    [Fact]
    public void Analyze_Patterns_GroupCasesBySortedDeviationSetWithExamples()
    {
        // Given seven cases skipping browse, two paying twice, and fitting ones
        var cases = Enumerable.Range(0, 7).Select(i => Case("s" + i, NoBrowse.Split(' ')))
            .Concat([Case("t0", PayTwice.Split(' ')), Case("t1", PayTwice.Split(' ')), Case("f", Fit.Split(' '))]).ToArray();

        // When
        var report = Analyze(cases);

        // Then
        report.PatternCount.ShouldBe(2);
        report.Patterns.Count.ShouldBe(2);
        report.Patterns[0].ToString().ShouldBe("skipped:browse");
        report.Patterns[0].Cases.ShouldBe(7);
        report.Patterns[0].Share.ShouldBe(0.7, 1e-12);
        report.Patterns[0].ExampleCaseIds.ShouldBe(["s0", "s1", "s2", "s3", "s4"]);
        report.Patterns[1].ToString().ShouldBe("inserted:pay, repeated:pay");
        report.Patterns[1].ExampleCaseIds.ShouldBe(["t0", "t1"]);
    }

    [Fact]
    public void Analyze_RepeatTheDesignAllows_CountsAsReworkButIsNoPattern()
    {
        // Given a case that browses twice where the design loops (two synchronous moves) and one that pays twice where it does not
        var report = Analyze(Case("loop", BrowseTwiceAsDesigned.Split(' ')), Case("twice", PayTwice.Split(' ')));

        // Then the loop is rework at browse, but only the undesigned repeat is a pattern: patterns cover the non-fitting cases
        report.Touchpoints.Single(t => t.TouchpointId == "browse").Repeated.ShouldBe(1);
        report.FittingCases.ShouldBe(1);
        report.Patterns.Select(p => p.ToString()).ShouldBe(["inserted:pay, repeated:pay"]);
        report.Patterns.Sum(p => p.Cases).ShouldBe(report.CaseCount - report.FittingCases);
    }

    [Fact]
    public void Analyze_UnmappedStep_IsAnInsertedItemMarkedAsNotATouchpoint()
    {
        // When
        var report = Analyze(Case("chat", WithChat.Split(' ')));

        // Then
        report.Patterns.Single().Items.ShouldBe([new DeviationItem(DeviationKind.Inserted, "Chat", IsTouchpoint: false)]);
        report.Patterns.Single().ToString().ShouldBe("inserted:?Chat");
        report.Touchpoints.Sum(t => t.Inserted).ShouldBe(0);
    }

    [Fact]
    public void Analyze_MeanFitness_IsTheCaseWeightedMeanOfVariantFitness()
    {
        // Given two fitting cases and one skipping browse (cost 1 over 4 events + 5 model steps)
        var report = Analyze(Case("a", Fit.Split(' ')), Case("b", Fit.Split(' ')), Case("c", NoBrowse.Split(' ')));

        // Then
        report.MeanFitness.ShouldBe((1 + 1 + (1 - (1.0 / 9))) / 3, 1e-12);
        report.ConformanceRate.ShouldBe(2.0 / 3, 1e-12);
    }

    [Fact]
    public void Analyze_AlignmentsOfAnotherLog_Throws()
    {
        // Given alignments of a two-case log
        var two = Log(Case("a", Fit.Split(' ')), Case("b", Fit.Split(' ')));
        var one = Log(Case("a", Fit.Split(' ')));

        // When / Then
        Should.Throw<ArgumentException>(() => DeviationAnalysis.Analyze(one, Shop(), Alignments(two, ShopAlignments), cancellationToken: TestContext.Current.CancellationToken))
            .Message.ShouldContain("cover 2 cases but the log has 1");
    }

    [Fact]
    public void Analyze_ChannelOtherThanDesigned_IsAMismatch()
    {
        // Given pay designed on web, done once on phone and once on app (two cases), and browse on web as designed
        var report = Analyze(
            ("a", [new("browse", 0, "web"), new("checkout", 1, "web"), new("pay", 2, "phone"), new("ship", 3), new("deliver", 4, "store")], []),
            ("b", [new("browse", 0, "web"), new("checkout", 1, "web"), new("pay", 2, "phone"), new("ship", 3), new("deliver", 4, "store")], []),
            ("c", [new("browse", 0, "WEB"), new("checkout", 1, "web"), new("pay", 2, "app"), new("ship", 3), new("deliver", 4, "store")], []));

        // Then (channel names compare case-insensitively)
        report.ChannelMismatches.ShouldBe([new ChannelMismatch("pay", "web", "phone", 2, 2), new ChannelMismatch("pay", "web", "app", 1, 1)]);
    }

    [Fact]
    public void Analyze_ChannelChangeInsideAStage_IsASwitchUnlessBothEndsAreDesigned()
    {
        // Given purchase touchpoints checkout and pay both designed on web: web then phone is unplanned.
        // Fulfilment: ship has no designed channel, deliver is designed in store: a switch from ship (phone) to deliver is unplanned too.
        var report = Analyze(
            ("a", [new("browse", 0, "web"), new("checkout", 1, "web"), new("pay", 2, "phone"), new("ship", 3, "phone"), new("deliver", 4, "store")], []),
            ("b", [new("browse", 0, "web"), new("checkout", 1, "web"), new("pay", 2, "web"), new("ship", 3, "web"), new("deliver", 4, "web")], []));

        // Then
        report.ChannelSwitches.Select(s => $"{s.StageId}:{s.FromTouchpoint}@{s.FromChannel}>{s.ToTouchpoint}@{s.ToChannel}={s.Switches}/{s.Cases}")
            .ShouldBe(["fulfilment:ship@phone>deliver@store=1/1", "purchase:checkout@web>pay@phone=1/1"]);
        report.ChannelSwitches.ShouldAllBe(s => s.ExampleCaseIds.SequenceEqual(new[] { "a" }));
    }

    [Fact]
    public void Analyze_SwitchBetweenDifferentlyDesignedChannels_IsPlanned()
    {
        // Given a journey whose checkout is designed on the app and pay on the web
        var journey = Shop() with
        {
            Touchpoints = Shop().Touchpoints.Select(t => t.Id == "checkout" ? t with { Channel = "app" } : t).ToList(),
        };
        var log = Log(("a", [new("browse", 0, "web"), new("checkout", 1, "app"), new("pay", 2, "web"), new("ship", 3), new("deliver", 4, "store")], []));

        // When
        var report = DeviationAnalysis.Analyze(log, journey, Alignments(log, ShopAlignments), cancellationToken: TestContext.Current.CancellationToken);

        // Then
        report.ChannelSwitches.ShouldBeEmpty();
        report.ChannelMismatches.ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_TimeTarget_MeasuresFromFirstFromToFirstToAfterIt()
    {
        // Given checkout at minute 10 and deliver at 40 (fast), 100 (breach) and 130 (breach); one case never delivers
        var report = Analyze(
            ("ok", [new("browse", 0), new("checkout", 10), new("pay", 20), new("ship", 30), new("deliver", 40)], []),
            ("late", [new("browse", 0), new("checkout", 10), new("pay", 20), new("ship", 30), new("deliver", 100)], []),
            ("later", [new("browse", 0), new("checkout", 10), new("pay", 20), new("ship", 30), new("deliver", 130)], []),
            ("open", [new("browse", 0), new("checkout", 10), new("pay", 20), new("ship", 30)], []));

        // Then
        var target = report.TimeTargets.Single();
        target.MeasuredCases.ShouldBe(3);
        target.BreachedCases.ShouldBe(2);
        target.BreachRate.ShouldBe(2.0 / 3, 1e-12);
        target.MeanElapsed.ShouldBe(TimeSpan.FromMinutes((30 + 90 + 120) / 3.0));
        target.MedianElapsed.ShouldBe(TimeSpan.FromMinutes(90));
        target.MaxElapsed.ShouldBe(TimeSpan.FromMinutes(120));
        target.ExampleCaseIds.ShouldBe(["later", "late"]);
    }

    [Fact]
    public void Analyze_TimeTargetOnAStage_SpansItsFirstToLastEvent()
    {
        // Given a target on stage purchase itself (first to last purchase event)
        var journey = Shop(targets: [new TimeTarget("purchase-fast", "Purchase in 15 minutes", "purchase", "purchase", TimeSpan.FromMinutes(15))]);
        var log = Log(Case("a", Fit.Split(' ')), Case("b", PayTwice.Split(' ')));

        // When
        var report = DeviationAnalysis.Analyze(log, journey, Alignments(log, ShopAlignments), cancellationToken: TestContext.Current.CancellationToken);

        // Then a: checkout 10 -> pay 20 (10 min); b: checkout 10 -> second pay 30 (20 min, breach)
        var target = report.TimeTargets.Single();
        (target.MeasuredCases, target.BreachedCases, target.MaxElapsed).ShouldBe((2, 1, TimeSpan.FromMinutes(20)));
        target.ExampleCaseIds.ShouldBe(["b"]);
    }

    [Fact]
    public void Analyze_UnknownTimeTargetEnd_IsAWarningNotAResult()
    {
        var journey = Shop(targets: [new TimeTarget("x", "X", "checkout", "nowhere", TimeSpan.FromHours(1))]);
        var log = Log(Case("a", Fit.Split(' ')));

        var report = DeviationAnalysis.Analyze(log, journey, Alignments(log, ShopAlignments), cancellationToken: TestContext.Current.CancellationToken);

        report.TimeTargets.ShouldBeEmpty();
        report.Warnings.ShouldContain(w => w.Contains("'nowhere'", StringComparison.Ordinal));
    }
}
