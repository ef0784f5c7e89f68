using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.EventLogs;

public sealed class EventLogBuilderTests
{
    private static long T(int minute) => new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc).AddMinutes(minute).Ticks;

    [Fact]
    public void Build_EventsInAnyOrder_GroupsByCaseInFirstAppearanceAndSortsByTime()
    {
        var builder = new EventLogBuilder();
        builder.AddEvent("b", "pay", T(5));
        builder.AddEvent("a", "ship", T(9));
        builder.AddEvent("b", "order", T(1));
        builder.AddEvent("a", "order", T(2));

        var log = builder.Build();

        log.CaseIds.ShouldBe(["b", "a"]);
        log.CaseStarts.ToArray().ShouldBe([0, 2, 4]);
        Names(log, 0).ShouldBe(["order", "pay"]);
        Names(log, 1).ShouldBe(["order", "ship"]);
        log.CaseTimestamps(1).ToArray().ShouldBe([T(2), T(9)]);
    }

    [Fact]
    public void Build_EqualTimestamps_KeepSourceOrder()
    {
        var builder = new EventLogBuilder();
        for (var i = 0; i < 40; i++)
        {
            // 40 events, many ties, enough to take the large-case sort path.
            builder.AddEvent("c", $"a{i}", T(40 - (i / 4)));
        }

        var log = builder.Build();

        var names = Names(log, 0);
        names.Take(4).ShouldBe(["a36", "a37", "a38", "a39"]);
        names.TakeLast(4).ShouldBe(["a0", "a1", "a2", "a3"]);
    }

    [Fact]
    public void Build_Attributes_FollowTheirEventsThroughTheSort()
    {
        var builder = new EventLogBuilder();
        var late = builder.AddEvent("c", "late", T(10));
        var early = builder.AddEvent("c", "early", T(1));
        builder.SetResource(late, "Ann");
        builder.SetChannel(early, "app");
        builder.SetEventAttribute(late, "amount", AttributeValue.FromDouble(12.5));
        builder.SetEventAttribute(early, "items", AttributeValue.FromLong(3));
        builder.SetCaseAttribute("c", "segment", AttributeValue.FromString("B2B"));

        var log = builder.Build();

        log.Resource!.GetString(1).ShouldBe("Ann");
        log.Resource.GetString(0).ShouldBeNull();
        log.Channel!.GetString(0).ShouldBe("app");
        var amount = (DoubleColumn)log.FindEventAttribute("amount")!;
        amount.IsValid(0).ShouldBeFalse();
        amount.Values[1].ShouldBe(12.5);
        log.FindEventAttribute("items")!.GetValue(0).ShouldBe(AttributeValue.FromLong(3));
        log.FindCaseAttribute("segment")!.GetValue(0).ShouldBe(AttributeValue.FromString("B2B"));
    }

    [Fact]
    public void SetEventAttribute_MixedTypes_WidensInsteadOfDropping()
    {
        var builder = new EventLogBuilder();
        var e0 = builder.AddEvent("c", "x", T(1));
        var e1 = builder.AddEvent("c", "y", T(2));
        var e2 = builder.AddEvent("c", "z", T(3));
        builder.SetEventAttribute(e0, "v", AttributeValue.FromLong(1));
        builder.SetEventAttribute(e1, "v", AttributeValue.FromDouble(2.5));
        builder.SetEventAttribute(e2, "w", AttributeValue.FromLong(7));
        builder.SetEventAttribute(e0, "w", AttributeValue.FromString("seven"));

        var log = builder.Build();

        log.FindEventAttribute("v")!.Type.ShouldBe(AttributeType.Double);
        log.FindEventAttribute("v")!.GetValue(0).ShouldBe(AttributeValue.FromDouble(1));
        var w = log.FindEventAttribute("w")!;
        w.Type.ShouldBe(AttributeType.String);
        w.GetValue(0).ShouldBe(AttributeValue.FromString("seven"));
        w.GetValue(2).ShouldBe(AttributeValue.FromString("7"));
    }

    [Fact]
    public void ToTimeBasis_WallClockAcrossOffsetChange_ShiftsAndResorts()
    {
        // 01:30+02:00 is 23:30Z; 01:10+01:00 is 00:10Z: in UTC "a" is first, on the wall clock "b" is first.
        var builder = new EventLogBuilder();
        builder.AddEvent("c", "a", new DateTimeOffset(2024, 10, 27, 1, 30, 0, TimeSpan.FromHours(2)));
        builder.AddEvent("c", "b", new DateTimeOffset(2024, 10, 27, 1, 10, 0, TimeSpan.FromHours(1)));
        var utc = builder.Build();

        var wall = utc.ToTimeBasis(TimeBasis.WallClock);

        Names(utc, 0).ShouldBe(["a", "b"]);
        Names(wall, 0).ShouldBe(["b", "a"]);
        wall.Timestamps[0].ShouldBe(new DateTime(2024, 10, 27, 1, 10, 0).Ticks);
        wall.GetTimestamp(0).ShouldBe(new DateTimeOffset(2024, 10, 27, 1, 10, 0, TimeSpan.FromHours(1)));
        wall.ToTimeBasis(TimeBasis.Utc).Timestamps.ToArray().ShouldBe(utc.Timestamps.ToArray());
    }

    [Fact]
    public void SelectEvents_DropsEmptyCasesAndKeepsColumns()
    {
        var builder = new EventLogBuilder();
        var a = builder.AddEvent("a", "x", T(1));
        builder.AddEvent("b", "y", T(2));
        builder.AddEvent("a", "z", T(3));
        builder.SetResource(a, "Ann");
        var log = builder.Build();

        var selected = log.SelectEvents([0, 1]);

        selected.CaseIds.ShouldBe(["a"]);
        Names(selected, 0).ShouldBe(["x", "z"]);
        selected.Resource!.GetString(0).ShouldBe("Ann");
        Should.Throw<ArgumentException>(() => log.SelectEvents([1, 0]));
    }

    [Fact]
    public void SelectCases_KeepsWholeCasesAndCaseAttributes()
    {
        var builder = new EventLogBuilder();
        builder.AddEvent("a", "x", T(1));
        builder.AddEvent("b", "y", T(2));
        builder.SetCaseAttribute("b", "segment", AttributeValue.FromString("B2C"));
        var log = builder.Build();

        var selected = log.SelectCases([1]);

        selected.CaseIds.ShouldBe(["b"]);
        selected.FindCaseAttribute("segment")!.GetValue(0).ShouldBe(AttributeValue.FromString("B2C"));
    }

    private static string[] Names(EventLog log, int caseIndex)
    {
        var names = new List<string>();
        foreach (var code in log.CaseActivities(caseIndex))
        {
            names.Add(log.ActivityNames[code]);
        }

        return [.. names];
    }
}
