using Journeyscope.Core.Tests.Filters;
using Journeyscope.EventLogs;
using Journeyscope.Funnels;

namespace Journeyscope.Core.Tests.Funnels;

public sealed class FunnelAnalysisTests
{
    private static FunnelResult Run(EventLog log, FunnelDefinition definition) =>
        FunnelAnalysis.Compute(log, definition, TestContext.Current.CancellationToken);

    private static FunnelDefinition Steps(params string[] steps) => new(steps.Select(FunnelStep.Parse));

    [Fact]
    public void Compute_LooseOrder_CountsEachCaseOnceAtItsDeepestStep()
    {
        // Given four journeys: full conversion with noise between, stop after B, never starting, and a repeat of A
        var log = TestLogs.Sequences("A X B Y C", "A B", "B C", "A A B C C");

        // When
        var result = Run(log, Steps("A", "B", "C"));

        // Then
        result.Steps.Select(s => s.Entered).ShouldBe([3L, 3L, 2L]);
        result.Steps.Select(s => s.Converted).ShouldBe([3L, 2L, 2L]);
        result.Steps[1].DroppedOff.ShouldBe(1);
        result.Steps[2].ConversionFromFirst.ShouldBe(2.0 / 3, 1e-12);
        result.Steps[2].ConversionFromPrevious.ShouldBe(2.0 / 3, 1e-12);
        result.DropOffCaseIds(1).ShouldBe(["c1"]);
        result.DepthOf(2).ShouldBe(-1);
        result.CaseIdsReaching(2).ShouldBe(["c0", "c3"]);
    }

    [Fact]
    public void Compute_StrictOrder_RejectsStepsWithEventsBetween()
    {
        // Given one journey with an event between A and B and one without
        var log = TestLogs.Sequences("A X B", "A B X");

        // When
        var result = Run(log, new FunnelDefinition([new FunnelStep("A"), new FunnelStep("B")]) { StrictOrder = true });

        // Then
        result.Steps.Select(s => s.Entered).ShouldBe([2L, 1L]);
        result.DropOffCaseIds(0).ShouldBe(["c0"]);
    }

    [Fact]
    public void Compute_WindowFromFirstStep_LaterAttemptInsideWindowCounts()
    {
        // Given A at 0h, A again at 100h and B at 101h: only the second attempt converts within 10 hours
        var log = TestLogs.Build(("c1", "A", 0), ("c1", "A", 100), ("c1", "B", 101), ("c2", "A", 0), ("c2", "B", 11));

        // When
        var result = Run(log, new FunnelDefinition(Steps("A", "B").Steps) { Window = TimeSpan.FromHours(10) });

        // Then
        result.Steps[1].Entered.ShouldBe(1);
        result.CaseIdsReaching(1).ShouldBe(["c1"]);
        result.Steps[1].MedianTimeFromFirst.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Compute_StepWindow_UsesTheLatestValidPreviousStep()
    {
        // Given A, B at 1h, B again at 50h and C at 51h; C must follow B within 2 hours (a greedy match would miss it)
        var log = TestLogs.Build(("c1", "A", 0), ("c1", "B", 1), ("c1", "B", 50), ("c1", "C", 51));
        var definition = new FunnelDefinition([new FunnelStep("A"), new FunnelStep("B"), new FunnelStep("C") { Window = TimeSpan.FromHours(2) }]);

        // When
        var result = Run(log, definition);

        // Then
        result.Steps[2].Entered.ShouldBe(1);
        result.Steps[1].MedianTimeFromFirst.ShouldBe(TimeSpan.FromHours(1));
        result.Steps[2].MedianTimeFromFirst.ShouldBe(TimeSpan.FromHours(51));
    }

    [Fact]
    public void Compute_OptionalStep_CanBeSkipped()
    {
        // Given one journey doing the optional step and one skipping it
        var log = TestLogs.Sequences("A B C", "A C");
        var definition = new FunnelDefinition([new FunnelStep("A"), new FunnelStep("B") { IsOptional = true }, new FunnelStep("C")]);

        // When
        var result = Run(log, definition);

        // Then both convert and the optional step counts the case that skipped it as reached
        result.Steps.Select(s => s.Entered).ShouldBe([2L, 2L, 2L]);
        result.Steps[2].MedianTimeFromPrevious.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Compute_Exclusion_StopsTheAttemptButNotALaterOne()
    {
        // Given a cancel between A and B, and a second case that cancels, restarts and converts
        var log = TestLogs.Sequences("A Cancel B", "A Cancel A B");
        var definition = new FunnelDefinition([new FunnelStep("A"), new FunnelStep("B")])
        {
            Exclusions = [new FunnelExclusion(new FunnelStep("Cancel"))],
        };

        // When
        var result = Run(log, definition);

        // Then
        result.DropOffCaseIds(0).ShouldBe(["c0"]);
        result.CaseIdsReaching(1).ShouldBe(["c1"]);
    }

    [Fact]
    public void Compute_ConditionsAndEventBreakdown_ReadTheFirstStepEvent()
    {
        // Given journeys whose first step happens on different channels, and a step condition on the channel
        var builder = new EventLogBuilder();
        void Add(string c, string a, double h, string channel) => builder.SetChannel(builder.AddEvent(c, a, TestLogs.At(h)), channel);
        Add("c1", "A", 0, "web");
        Add("c1", "B", 1, "app");
        Add("c2", "A", 0, "app");
        Add("c2", "B", 1, "web");
        Add("c3", "A", 0, "app");
        Add("c3", "B", 1, "app");
        var log = builder.Build();
        var definition = new FunnelDefinition([new FunnelStep("A"), FunnelStep.Parse("B where event.channel == app")]) { Breakdown = "channel" };

        // When
        var result = Run(log, definition);

        // Then
        result.Steps[1].Entered.ShouldBe(2);
        var app = result.Breakdown.Single(b => b.Value == "app");
        app.Steps.Select(s => s.Entered).ShouldBe([2L, 1L]);
        result.Breakdown.Single(b => b.Value == "web").Steps[1].Entered.ShouldBe(1);
        result.DropOffCaseIds(0, "app").ShouldBe(["c2"]);
    }

    [Fact]
    public void Compute_CaseBreakdown_GroupsMissingValuesUnderNull()
    {
        // Given a case attribute set on one case only
        var builder = new EventLogBuilder();
        builder.AddEvent("c1", "A", new DateTimeOffset(TestLogs.Origin));
        builder.AddEvent("c2", "A", new DateTimeOffset(TestLogs.Origin));
        builder.SetCaseAttribute("c1", "segment", AttributeValue.FromString("B2B"));
        var log = builder.Build();

        // When
        var result = Run(log, new FunnelDefinition([new FunnelStep("A")]) { Breakdown = "segment" });

        // Then
        result.Breakdown.Select(b => (b.Value, b.Steps[0].Entered)).ShouldBe([("B2B", 1L), (null, 1L)], ignoreOrder: true);
    }

    [Theory]
    [InlineData("A|B where event.channel == app and case.segment in (B2B, B2C)", 2, 2)]
    [InlineData("\"Send | receive\"", 1, 0)]
    [InlineData("Pay", 1, 0)]
    public void Parse_ValidText_ReadsActivitiesAndConditions(string text, int activities, int conditions)
    {
        // When
        var step = FunnelStep.Parse(text);

        // Then
        step.Activities.Count.ShouldBe(activities);
        step.Conditions.Count.ShouldBe(conditions);
        FunnelStep.Parse(step.ToString()).ToString().ShouldBe(step.ToString());
    }

    [Theory]
    [InlineData("A where event.channel ==")]
    [InlineData("A| where event.x == y")]
    [InlineData("A where variants top 3")]
    public void Parse_InvalidText_ThrowsFormatException(string text) =>
        Should.Throw<FormatException>(() => FunnelStep.Parse(text));

    [Fact]
    public void Compute_OptionalFirstStep_Throws() =>
        Should.Throw<ArgumentException>(() =>
            Run(TestLogs.Sequences("A"), new FunnelDefinition([new FunnelStep("A") { IsOptional = true }])));
}
