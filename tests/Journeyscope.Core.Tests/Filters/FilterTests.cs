using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Core.Tests.Filters;

public sealed class FilterTests
{
    private static EventLog Apply(EventLog log, string filter) => FilterPipeline.Apply(log, FilterParser.Parse(filter));

    [Fact]
    public void ActivityIn_KeepsOnlyListedEvents_InOrder()
    {
        var log = TestLogs.Sequences("A B C", "C D", "B A");

        var result = Apply(log, "activity in (A, B)");

        TestLogs.Traces(result).ShouldBe(["c0:A B", "c2:B A"]);
    }

    [Fact]
    public void ActivityNotIn_RemovesListedEvents()
    {
        var log = TestLogs.Sequences("A B C", "B B");

        var result = Apply(log, "activity not in (B)");

        TestLogs.Traces(result).ShouldBe(["c0:A C"]);
    }

    [Fact]
    public void CaseAttribute_EqualsAndNotEquals_SplitTheCases()
    {
        var builder = new EventLogBuilder();
        builder.AddEvent("a", "X", TestLogs.At(0));
        builder.AddEvent("b", "X", TestLogs.At(1));
        builder.AddEvent("c", "X", TestLogs.At(2));
        builder.SetCaseAttribute("a", "segment", AttributeValue.FromString("B2B"));
        builder.SetCaseAttribute("b", "segment", AttributeValue.FromString("B2C"));
        var log = builder.Build();

        Apply(log, "case.segment == B2B").CaseIds.ShouldBe(["a"]);
        Apply(log, "case.segment != B2B").CaseIds.ShouldBe(["b", "c"]);
        Apply(log, "case.segment in (B2B, B2C)").CaseIds.ShouldBe(["a", "b"]);
        Apply(log, "case.missing == B2B").CaseCount.ShouldBe(0);
    }

    [Fact]
    public void CaseAttribute_NumericColumn_ComparesInItsType()
    {
        var builder = new EventLogBuilder();
        builder.AddEvent("a", "X", TestLogs.At(0));
        builder.AddEvent("b", "X", TestLogs.At(1));
        builder.SetCaseAttribute("a", "tier", AttributeValue.FromLong(2));
        builder.SetCaseAttribute("b", "tier", AttributeValue.FromLong(20));
        var log = builder.Build();

        Apply(log, "case.tier == 2").CaseIds.ShouldBe(["a"]);
        Apply(log, "case.tier in (20, x)").CaseIds.ShouldBe(["b"]);
    }

    [Fact]
    public void EventAttribute_Channel_KeepsMatchingEvents()
    {
        var builder = new EventLogBuilder();
        builder.SetChannel(builder.AddEvent("a", "browse", TestLogs.At(0)), "web");
        builder.SetChannel(builder.AddEvent("a", "buy", TestLogs.At(1)), "app");
        builder.AddEvent("a", "call", TestLogs.At(2));
        builder.SetChannel(builder.AddEvent("b", "browse", TestLogs.At(3)), "web");
        var log = builder.Build();

        TestLogs.Traces(Apply(log, "event.channel == app")).ShouldBe(["a:buy"]);
        TestLogs.Traces(Apply(log, "event.channel != app")).ShouldBe(["a:browse call", "b:browse"]);
    }

    [Fact]
    public void EventAttribute_DoubleColumn_ComparesNumerically()
    {
        var builder = new EventLogBuilder();
        builder.SetEventAttribute(builder.AddEvent("a", "pay", TestLogs.At(0)), "amount", AttributeValue.FromDouble(12.5));
        builder.SetEventAttribute(builder.AddEvent("a", "refund", TestLogs.At(1)), "amount", AttributeValue.FromDouble(3));
        var log = builder.Build();

        TestLogs.Traces(Apply(log, "event.amount == 12.50")).ShouldBe(["a:pay"]);
    }

    [Theory]
    [InlineData("time contained 2024-01-01..2024-01-01", new[] { "c0" })]
    [InlineData("time intersecting 2024-01-02T12:00:00Z..2024-01-02T12:00:00Z", new[] { "c1" })]
    [InlineData("time started 2024-01-02..2024-01-03", new[] { "c1", "c2" })]
    [InlineData("time completed 2024-01-04..", new[] { "c2" })]
    [InlineData("time contained ..2024-01-03", new[] { "c0", "c1" })]
    public void TimeWindow_Modes_KeepTheRightCases(string filter, string[] expected)
    {
        // c0: 1 Jan 01:00-03:00; c1: 2 Jan 10:00-14:00; c2: 3 Jan 23:00 to 4 Jan 01:00.
        var log = TestLogs.Build(
            ("c0", "A", 1), ("c0", "B", 3),
            ("c1", "A", 34), ("c1", "B", 38),
            ("c2", "A", 71), ("c2", "B", 73));

        Apply(log, filter).CaseIds.ShouldBe(expected);
    }

    [Theory]
    [InlineData("duration 2h..3h", new[] { "c1", "c2" })]
    [InlineData("duration ..1h", new[] { "c0" })]
    [InlineData("duration 150m..", new[] { "c2" })]
    [InlineData("duration 0s..0s", new string[0])]
    public void Duration_Range_IsInclusive(string filter, string[] expected)
    {
        var log = TestLogs.Build(
            ("c0", "A", 0), ("c0", "B", 1),
            ("c1", "A", 0), ("c1", "B", 2),
            ("c2", "A", 0), ("c2", "B", 3));

        Apply(log, filter).CaseIds.ShouldBe(expected);
    }

    [Fact]
    public void VariantsTop_TiesBrokenByFirstAppearance()
    {
        // Variants: "A B" x2 (first at c0), "A C" x2 (first at c1), "D" x1.
        var log = TestLogs.Sequences("A B", "A C", "D", "A C", "A B");

        Apply(log, "variants top 1").CaseIds.ShouldBe(["c0", "c4"]);
        Apply(log, "variants top 2").CaseIds.ShouldBe(["c0", "c1", "c3", "c4"]);
    }

    [Fact]
    public void VariantsCoverage_KeepsUntilShareReached()
    {
        // 10 cases: X x5, Y x3, Z x2.
        var log = TestLogs.Sequences("X", "X", "X", "X", "X", "Y", "Y", "Y", "Z", "Z");

        Apply(log, "variants coverage 50%").CaseCount.ShouldBe(5);
        Apply(log, "variants coverage 80%").CaseCount.ShouldBe(8);
        Apply(log, "variants coverage 81%").CaseCount.ShouldBe(10);
    }

    [Fact]
    public void VariantSpecific_KeepsExactSequencesOnly()
    {
        var log = TestLogs.Sequences("A B", "A B C", "A C", "A B");

        Apply(log, "variant A -> B | A -> C").CaseIds.ShouldBe(["c0", "c2", "c3"]);
    }

    [Fact]
    public void Relations_DirectlyAndEventually_AreDistinguished()
    {
        var log = TestLogs.Sequences("A B", "A X B", "B A");

        Apply(log, "follows A -> B").CaseIds.ShouldBe(["c0"]);
        Apply(log, "eventually A -> B").CaseIds.ShouldBe(["c0", "c1"]);
        Apply(log, "not eventually A -> B").CaseIds.ShouldBe(["c2"]);
    }

    [Fact]
    public void StartsAndEndsWith_TestFirstAndLastEvent()
    {
        var log = TestLogs.Sequences("A B", "B A", "A C");

        Apply(log, "starts with A").CaseIds.ShouldBe(["c0", "c2"]);
        Apply(log, "ends with (A, C)").CaseIds.ShouldBe(["c1", "c2"]);
    }

    [Fact]
    public void Contains_KeepsWholeCasesWithOrWithoutTheActivity()
    {
        var log = TestLogs.Sequences("A B", "B C", "C", "A X B");

        Apply(log, "contains B").CaseIds.ShouldBe(["c0", "c1", "c3"]);
        Apply(log, "contains B").EventCount.ShouldBe(7);
        Apply(log, "contains (A, C)").CaseIds.ShouldBe(["c0", "c1", "c2", "c3"]);
        Apply(log, "not contains A").CaseIds.ShouldBe(["c1", "c2"]);
        Apply(log, "contains Nope").CaseCount.ShouldBe(0);
    }

    [Fact]
    public void Pipeline_VariantAfterEventFilter_RanksTheFilteredLog()
    {
        // Unfiltered, "C" (x2, first) ties with "A B" (x2) and wins; removing X first makes "A B" the top variant (x3).
        var log = TestLogs.Sequences("C", "C", "A X B", "A B", "A B");

        var unfiltered = FilterPipeline.Apply(log, VariantFilter.MostFrequent(1));
        var result = FilterPipeline.Apply(log, new ActivityFilter(["X"], remove: true), VariantFilter.MostFrequent(1));

        TestLogs.Traces(unfiltered).ShouldBe(["c0:C", "c1:C"]);
        TestLogs.Traces(result).ShouldBe(["c2:A B", "c3:A B", "c4:A B"]);
    }

    [Fact]
    public void Pipeline_NoFilterDropsAnything_ReturnsSameLog()
    {
        var log = TestLogs.Sequences("A B", "C");

        FilterPipeline.Apply(log, new DurationFilter(null, null), new ActivityFilter(["X"], remove: true)).ShouldBeSameAs(log);
    }

    [Fact]
    public void Pipeline_Cancelled_Throws()
    {
        var log = TestLogs.Sequences("A B");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Should.Throw<OperationCanceledException>(() => FilterPipeline.Apply(log, [new DurationFilter(null, null)], cts.Token));
    }

    [Fact]
    public void Segmentation_ByCaseAttribute_OneSegmentPerValue()
    {
        var builder = new EventLogBuilder();
        builder.AddEvent("a", "X", TestLogs.At(0));
        builder.AddEvent("b", "X", TestLogs.At(1));
        builder.AddEvent("c", "X", TestLogs.At(2));
        builder.SetCaseAttribute("a", "segment", AttributeValue.FromString("B2B"));
        builder.SetCaseAttribute("b", "segment", AttributeValue.FromString("B2C"));
        builder.SetCaseAttribute("c", "segment", AttributeValue.FromString("B2B"));
        var log = builder.Build();

        var segments = Segmentation.Split(log, "segment");

        segments.Select(s => s.Value).ShouldBe(["B2B", "B2C"]);
        segments[0].Log.CaseIds.ShouldBe(["a", "c"]);
        segments[1].Log.CaseIds.ShouldBe(["b"]);
    }

    [Fact]
    public void Segmentation_ByEventAttribute_CaseInEveryValueItTouches()
    {
        var builder = new EventLogBuilder();
        builder.SetChannel(builder.AddEvent("a", "browse", TestLogs.At(0)), "web");
        builder.SetChannel(builder.AddEvent("a", "buy", TestLogs.At(1)), "app");
        builder.SetChannel(builder.AddEvent("b", "buy", TestLogs.At(2)), "app");
        var log = builder.Build();

        var segments = Segmentation.Split(log, "channel");

        segments.Select(s => s.Value).ShouldBe(["web", "app"]);
        segments[0].Log.CaseIds.ShouldBe(["a"]);
        segments[1].Log.CaseIds.ShouldBe(["a", "b"]);
        segments[1].Log.EventCount.ShouldBe(3);
    }
}
