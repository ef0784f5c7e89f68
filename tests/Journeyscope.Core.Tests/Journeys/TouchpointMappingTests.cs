using CsCheck;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Journeys;

public sealed class TouchpointMappingTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Map_ActivityRegexAndConditions_FirstMatchingTouchpointWins()
    {
        // Given events on two channels and cases of two segments
        var builder = new EventLogBuilder();
        Add(builder, "c1", "Search", "web", 1);
        Add(builder, "c1", "Checkout cart", "app", 2);
        Add(builder, "c1", "Checkout cart", "web", 3);
        Add(builder, "c2", "Checkout", "app", 4);
        Add(builder, "c2", "Call", "phone", 5);
        Add(builder, "c2", "Refund", "web", 6);
        builder.SetCaseAttribute("c1", "segment", AttributeValue.FromString("B2C"));
        builder.SetCaseAttribute("c2", "segment", AttributeValue.FromString("B2B"));
        var log = builder.Build();

        // And touchpoints by name, by regex with an event condition, by regex with a case condition, and a catch-all regex
        var journey = Journey(
            Touchpoint("browse", new TouchpointRule(["Search", "View"], null, [])),
            Touchpoint("app-checkout", new TouchpointRule([], "Checkout( .*)?", ["event.channel == app"])),
            Touchpoint("b2b-call", new TouchpointRule(["Call"], null, ["case.segment in (B2B)", "event.channel != web"])),
            Touchpoint("any-checkout", new TouchpointRule([], "Check.*", [])));

        // When the log is mapped
        var mapped = TouchpointMapping.Map(log, journey);

        // Then each event maps to the first touchpoint whose rule holds, and "Refund" stays unmapped
        mapped.EventTouchpoint.ShouldBe([0, 1, 3, 1, 2, -1]);
        Names(mapped.Log).ShouldBe(["browse", "app-checkout", "any-checkout", "app-checkout", "b2b-call", "Refund"]);
        mapped.TouchpointEventCounts.ShouldBe([1, 2, 1, 1]);
        mapped.UnmappedActivityCounts.ShouldBe(new Dictionary<string, int> { ["Refund"] = 1 });
        mapped.UnmappedEventCount.ShouldBe(1);
        mapped.MappedEventCount.ShouldBe(5);

        // And everything else of the log is kept
        mapped.Log.CaseIds.ShouldBe(log.CaseIds);
        mapped.Log.Timestamps.ToArray().ShouldBe(log.Timestamps.ToArray());
        mapped.Log.OffsetMinutes.ToArray().ShouldBe(log.OffsetMinutes.ToArray());
        mapped.Log.Channel.ShouldBeSameAs(log.Channel);
        mapped.Log.CaseAttributes.ShouldBe(log.CaseAttributes);
    }

    [Fact]
    public void Regex_MatchesTheWholeNameOnly()
    {
        // Given a pattern that matches only part of a name
        var log = Log("Send invoice", "Send", "Resend");
        var journey = Journey(Touchpoint("send", new TouchpointRule([], "Send", [])));

        // When mapped
        var mapping = TouchpointMapping.Compile(journey, log);

        // Then only the exact whole name matches
        mapping.EventTouchpoint.ToArray().ShouldBe([-1, 0, -1]);
    }

    [Fact]
    public void RuleMatchCounts_CountEachRuleOnItsOwn()
    {
        // Given two touchpoints that both match "A"
        var log = Log("A", "A", "B");
        var journey = Journey(
            Touchpoint("first", new TouchpointRule(["A"], null, [])),
            Touchpoint("second", new TouchpointRule(["A", "B"], null, [])));

        // When compiled
        var mapping = TouchpointMapping.Compile(journey, log);

        // Then the mapping gives "A" to the first, while each rule on its own matches what it names
        mapping.TouchpointEventCounts.ShouldBe([2, 1]);
        mapping.RuleMatchCounts.ShouldBe([2, 3]);
        TouchpointMapping.CountMatches(journey.Touchpoints[1].Rule, log).ShouldBe(3);
    }

    [Fact]
    public void Map_TouchpointIdEqualToAnUnmappedActivity_SharesOneName()
    {
        // Given a touchpoint whose id is also the name of an activity it does not map
        var log = Log("pay", "Authorise");
        var journey = Journey(Touchpoint("pay", new TouchpointRule(["Authorise"], null, [])));

        // When mapped
        var mapped = TouchpointMapping.Map(log, journey);

        // Then both events are called "pay", with one dictionary entry
        Names(mapped.Log).ShouldBe(["pay", "pay"]);
        mapped.Log.ActivityNames.ShouldBe(["pay"]);
        mapped.EventTouchpoint.ShouldBe([-1, 0]);
    }

    [Fact]
    public void Map_AnyLog_AgreesWithTheNaiveDefinition()
    {
        // Given random logs over a few activities and channels, and rules with names, patterns and conditions
        var journey = Journey(
            Touchpoint("t0", new TouchpointRule(["a"], null, ["event.channel == app"])),
            Touchpoint("t1", new TouchpointRule([], "[ab]", [])),
            Touchpoint("t2", new TouchpointRule(["c"], "d", ["event.channel in (web, app)"])));
        string[] activities = ["a", "b", "c", "d", "e"];
        string[] channels = ["app", "web", "phone"];
        var gen = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 4], Gen.Int[0, 2]).Array[0, 40];
        gen.Sample(events =>
        {
            var builder = new EventLogBuilder();
            for (var i = 0; i < events.Length; i++)
            {
                var (c, activity, channel) = events[i];
                Add(builder, "c" + c, activities[activity], channels[channel], i);
            }

            var log = builder.Build();

            // When mapped
            var mapped = TouchpointMapping.Map(log, journey);

            // Then each event's touchpoint is the first rule that holds by the definition
            for (var e = 0; e < log.EventCount; e++)
            {
                var activity = log.ActivityNames[log.Activities[e]];
                var channel = log.Channel!.GetString(e);
                var expected =
                    activity == "a" && channel == "app" ? 0
                    : activity is "a" or "b" ? 1
                    : activity is "c" or "d" && channel is "web" or "app" ? 2
                    : -1;
                mapped.EventTouchpoint[e].ShouldBe(expected);
                mapped.Log.ActivityNames[mapped.Log.Activities[e]].ShouldBe(expected < 0 ? activity : "t" + expected);
            }
        });
    }

    private static string[] Names(EventLog log)
    {
        var names = new string[log.EventCount];
        for (var e = 0; e < names.Length; e++)
        {
            names[e] = log.ActivityNames[log.Activities[e]];
        }

        return names;
    }

    private static void Add(EventLogBuilder builder, string caseId, string activity, string channel, int minutes)
    {
        var ev = builder.AddEvent(caseId, activity, T0.AddMinutes(minutes));
        builder.SetChannel(ev, channel);
    }

    private static EventLog Log(params string[] activities)
    {
        var builder = new EventLogBuilder();
        for (var i = 0; i < activities.Length; i++)
        {
            builder.AddEvent("c", activities[i], T0.AddMinutes(i));
        }

        return builder.Build();
    }

    private static Touchpoint Touchpoint(string id, TouchpointRule rule) =>
        new(id, id, "service", BlueprintLane.Frontstage, null, null, rule);

    private static DesignedJourney Journey(params Touchpoint[] touchpoints) =>
        new("j", "J", null, null, [], DesignedJourney.DefaultStages, touchpoints, null, [], [], []);
}
