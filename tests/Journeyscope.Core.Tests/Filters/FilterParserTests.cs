using Journeyscope.Filters;

namespace Journeyscope.Core.Tests.Filters;

public sealed class FilterParserTests
{
    [Fact]
    public void Parse_ActivityIn_ListOfBareAndQuotedNames()
    {
        var filter = FilterParser.Parse("activity in (A, Send invoice, \"x, y\")").ShouldBeOfType<ActivityFilter>();

        filter.Activities.ShouldBe(["A", "Send invoice", "x, y"]);
        filter.Remove.ShouldBeFalse();
    }

    [Fact]
    public void Parse_ActivityNotIn_Removes()
    {
        var filter = FilterParser.Parse("ACTIVITY NOT IN (X)").ShouldBeOfType<ActivityFilter>();

        filter.Activities.ShouldBe(["X"]);
        filter.Remove.ShouldBeTrue();
    }

    [Fact]
    public void Parse_CaseAndEventAttributes()
    {
        var byCase = FilterParser.Parse("case.segment == B2B").ShouldBeOfType<CaseAttributeFilter>();
        var byEvent = FilterParser.Parse("event.channel != app").ShouldBeOfType<EventAttributeFilter>();
        var quoted = FilterParser.Parse("case.\"org:group\" in (a,b)").ShouldBeOfType<CaseAttributeFilter>();

        (byCase.Attribute, byCase.Values.Single(), byCase.Negate).ShouldBe(("segment", "B2B", false));
        (byEvent.Attribute, byEvent.Values.Single(), byEvent.Negate).ShouldBe(("channel", "app", true));
        quoted.Attribute.ShouldBe("org:group");
        quoted.Values.ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Parse_TimeContained_DateOnlyEndIncludesTheDay()
    {
        var filter = FilterParser.Parse("time contained 2024-01-01..2024-03-31").ShouldBeOfType<TimeWindowFilter>();

        filter.Mode.ShouldBe(TimeWindowMode.Contained);
        filter.FromTicks.ShouldBe(new DateTime(2024, 1, 1).Ticks);
        filter.ToTicks.ShouldBe(new DateTime(2024, 4, 1).Ticks);
    }

    [Fact]
    public void Parse_TimeWithOffsets_ConvertsToUtcAndOpenEnds()
    {
        var filter = FilterParser.Parse("time intersecting 2024-01-01T10:00:00+01:00..").ShouldBeOfType<TimeWindowFilter>();
        var started = FilterParser.Parse("time started ..2024-02-01").ShouldBeOfType<TimeWindowFilter>();

        filter.FromTicks.ShouldBe(new DateTime(2024, 1, 1, 9, 0, 0).Ticks);
        filter.ToTicks.ShouldBe(long.MaxValue);
        started.Mode.ShouldBe(TimeWindowMode.Started);
        started.FromTicks.ShouldBe(long.MinValue);
    }

    [Fact]
    public void Parse_Duration_UnitsAndOpenBounds()
    {
        var filter = FilterParser.Parse("duration 1h..3d").ShouldBeOfType<DurationFilter>();
        var open = FilterParser.Parse("duration 1.5h..").ShouldBeOfType<DurationFilter>();

        filter.Minimum.ShouldBe(TimeSpan.FromHours(1));
        filter.Maximum.ShouldBe(TimeSpan.FromDays(3));
        open.Minimum.ShouldBe(TimeSpan.FromMinutes(90));
        open.Maximum.ShouldBeNull();
    }

    [Fact]
    public void Parse_Variants_TopCoverageAndSpecific()
    {
        FilterParser.Parse("variants top 10").ShouldBeOfType<VariantFilter>().Top.ShouldBe(10);
        FilterParser.Parse("variants coverage 80%").ShouldBeOfType<VariantFilter>().Coverage.ShouldBe(0.8, 1e-12);
        var specific = FilterParser.Parse("variant A -> B C -> D | E").ShouldBeOfType<VariantFilter>();

        specific.Sequences.Count.ShouldBe(2);
        specific.Sequences[0].ShouldBe(["A", "B C", "D"]);
        specific.Sequences[1].ShouldBe(["E"]);
    }

    [Fact]
    public void Parse_Relations_WithSpacesInNames()
    {
        var follows = FilterParser.Parse("follows Confirmation of receipt -> T02 Check").ShouldBeOfType<RelationFilter>();
        var eventually = FilterParser.Parse("not eventually A -> B").ShouldBeOfType<RelationFilter>();

        (follows.Kind, follows.From, follows.To, follows.Negate).ShouldBe(
            (RelationKind.DirectlyFollows, "Confirmation of receipt", "T02 Check", false));
        (eventually.Kind, eventually.Negate).ShouldBe((RelationKind.EventuallyFollows, true));
    }

    [Fact]
    public void Parse_StartsAndEndsWith()
    {
        var starts = FilterParser.Parse("starts with A").ShouldBeOfType<EndpointActivityFilter>();
        var ends = FilterParser.Parse("ends with (B, C)").ShouldBeOfType<EndpointActivityFilter>();

        (starts.AtEnd, starts.Activities.Single()).ShouldBe((false, "A"));
        ends.AtEnd.ShouldBeTrue();
        ends.Activities.ShouldBe(["B", "C"]);
    }

    [Theory]
    [InlineData("activity in (A, \"B C\")")]
    [InlineData("activity not in (X)")]
    [InlineData("case.segment == B2B")]
    [InlineData("event.channel not in (app, web)")]
    [InlineData("duration 1h..3d")]
    [InlineData("variants top 3")]
    [InlineData("variants coverage 80%")]
    [InlineData("variant A -> B | C")]
    [InlineData("not follows A -> B")]
    [InlineData("eventually A -> B")]
    [InlineData("starts with (A, B)")]
    [InlineData("contains \"W_Completeren aanvraag\"")]
    [InlineData("not contains (A, B)")]
    [InlineData("time started 2024-01-01T00:00:00Z..2024-02-01T00:00:00Z")]
    public void ToString_ParsesBackToTheSameFilter(string text)
    {
        var filter = FilterParser.Parse(text);

        var again = FilterParser.Parse(filter.ToString());

        again.ToString().ShouldBe(filter.ToString());
        again.GetType().ShouldBe(filter.GetType());
    }

    [Theory]
    [InlineData("", 1, "a filter")]
    [InlineData("activity (A)", 10, "'==', '!=', 'in' or 'not in'")]
    [InlineData("activity in A", 13, "'('")]
    [InlineData("activity in (A, B", 18, "',' or ')'")]
    [InlineData("activity in (A,)", 16, "a value")]
    [InlineData("time during 2024..2025", 6, "'contained'")]
    [InlineData("time contained 2024-13-01..", 16, "a date")]
    [InlineData("duration 1y..", 10, "a duration")]
    [InlineData("duration 3d..1d", 16, "a maximum duration not below the minimum")]
    [InlineData("variants top -1", 14, "a positive whole number")]
    [InlineData("variants coverage 120%", 19, "a percentage")]
    [InlineData("follows A B", 12, "'->'")]
    [InlineData("starts A", 8, "'with'")]
    [InlineData("case.x == \"open", 11, "a closing")]
    [InlineData("variants top 3 extra", 16, "end of filter")]
    public void Parse_Invalid_ReportsPositionAndExpectation(string text, int position, string expected)
    {
        var error = Should.Throw<FilterParseException>(() => FilterParser.Parse(text));

        (error.Position + 1).ShouldBe(position);
        error.Expected.ShouldStartWith(expected);
        error.Message.ShouldContain($"position {position}");
    }
}
