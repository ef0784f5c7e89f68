using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;

namespace Journeyscope.IO.Tests.Journeys;

/// <summary>One invalid journey per rule; each checks the exact diagnostic text (docs/journeys.md quotes the same texts).</summary>
public sealed class JourneyValidatorTests
{
    private const string Valid = """
        journey: shop
        name: Shop
        stages:
          - id: buy
            name: Buy
          - id: get
            name: Get
        touchpoints:
          - id: order
            name: Order
            stage: buy
            lane: customer-action
            match: { activity: Place order }
          - id: ship
            name: Ship
            stage: get
            lane: backstage
            match: { activity: Ship order }
        flow:
          sequence: [order, ship]
        kpis:
          - id: cycle
            name: Order to delivery
            kind: order-cycle-time
            target: "<= 3d"
        """;

    [Fact]
    public void Validate_ValidJourney_ReportsNothing()
    {
        // Given a valid journey and a log in which each rule matches
        var log = Log(("c1", "Place order"), ("c1", "Ship order"));

        // When it is validated
        var diagnostics = Diagnose(Valid, log);

        // Then there is no problem
        diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_DocsExample_HasNoProblem()
    {
        // Given the full example of docs/journeys.md
        // When it is read and validated
        var diagnostics = JourneyValidator.Validate(JourneyYaml.Parse(JourneyText.DocsExample(), "retail.yaml")).Select(d => d.ToString());

        // Then the documented example is itself a valid journey
        diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void JS001_InvalidYaml_NamesLineColumnAndReason()
    {
        // Given text that is not YAML (an unclosed flow sequence)
        var yaml = "journey: shop\nname: [Shop\n";

        // When it is read
        var diagnostics = Diagnose(yaml);

        // Then JS001 points at the problem
        diagnostics.Count.ShouldBe(1);
        diagnostics[0].ShouldStartWith("shop.yaml:3:1: error JS001: the file is not valid YAML: ");
        diagnostics[0].ShouldEndWith("\n  hint: indent with spaces, not tabs, and quote values that contain ': ' or start with a special character such as >, *, & or #");
    }

    [Fact]
    public void JS001_EmptyFile_SaysSo()
    {
        Diagnose("# nothing yet\n").ShouldBe([
            "shop.yaml:1:1: error JS001: the file is empty\n  hint: start with 'journey: <id>', 'name: <name>' and 'touchpoints:' ('journeyscope journey init' writes a template)",
        ]);
    }

    [Fact]
    public void JS002_MissingRequiredKey_NamesKeyAndTouchpoint()
    {
        // Given a touchpoint without a lane
        var yaml = Valid.Replace("    lane: backstage\n", string.Empty, StringComparison.Ordinal);

        // When it is validated
        // Then JS002 names the touchpoint and the key, at the touchpoint's line
        Diagnose(yaml).ShouldBe([
            "shop.yaml:14:5: error JS002: Touchpoint 'ship' has no 'lane'\n  hint: add the required key 'lane'",
        ]);
    }

    [Fact]
    public void JS003_UnknownKey_SuggestsTheClosestKnownKey()
    {
        // Given a misspelt key
        var yaml = Valid.Replace("    stage: get\n", "    stgae: get\n", StringComparison.Ordinal);

        // When it is validated
        // Then JS003 suggests the known key, and the now missing stage is JS002
        Diagnose(yaml).ShouldBe([
            "shop.yaml:6:5: warning JS009: stage 'get' has no touchpoint\n  hint: add a touchpoint with 'stage: get', or remove the stage",
            "shop.yaml:14:5: error JS002: Touchpoint 'ship' has no 'stage'\n  hint: add the required key 'stage'",
            "shop.yaml:16:5: error JS003: unknown key 'stgae' in touchpoint 'ship'\n  hint: did you mean 'stage'?",
        ]);
    }

    [Fact]
    public void JS004_BadLane_ListsTheLanes()
    {
        var yaml = Valid.Replace("lane: backstage", "lane: back-stage", StringComparison.Ordinal);
        Diagnose(yaml).ShouldBe([
            "shop.yaml:17:11: error JS004: 'back-stage' is not a lane\n  hint: did you mean 'backstage'? Lanes: customer-action, frontstage, backstage, support, physical-evidence",
        ]);
    }

    [Fact]
    public void JS004_BadDurationRegexConditionAndTarget_AreEachReported()
    {
        // Given a bad duration, a bad regular expression, a bad condition and a bad target
        var yaml = Valid
            .Replace("match: { activity: Place order }", "match: { activity_regex: \"Place (order\", where: \"event.channel = app\" }", StringComparison.Ordinal)
            .Replace("\"<= 3d\"", "about 3 days", StringComparison.Ordinal)
            + "\ntime_targets:\n  - { id: t, name: T, from: order, to: ship, within: 3 days }\n";

        // When it is validated
        // Then every problem is reported at once
        Diagnose(yaml).ShouldBe([
            "shop.yaml:13:12: error JS004: 'Place (order' is not a valid regular expression: Invalid pattern 'Place (order' at offset 12. Not enough )'s\n  hint: activity_regex is a .NET regular expression matched against the whole activity name, without backtracking: no backreferences, lookarounds, atomic groups or conditionals",
            "shop.yaml:13:12: error JS004: 'event.channel = app' is not a valid condition: expected '==', '!=', 'in' or 'not in', found '=' at position 15\n  hint: write event.<attribute> or case.<attribute> with ==, !=, in (...) or not in (...), for example event.channel == app",
            "shop.yaml:22:5: error JS004: 'about 3 days' is not a target\n  hint: write a comparison such as >= 40, <= 3d or <= 5%",
            "shop.yaml:27:54: error JS004: '3 days' is not a duration\n  hint: write a duration such as 30m, 4h, 3d, 1d12h or 2w",
        ]);
    }

    [Fact]
    public void JS005_DuplicateId_NamesTheFirstDefinition()
    {
        // Given a touchpoint that reuses a stage's id
        var yaml = Valid.Replace("  - id: ship\n", "  - id: buy\n", StringComparison.Ordinal).Replace("[order, ship]", "[order, buy]", StringComparison.Ordinal);

        // When it is validated
        Diagnose(yaml).ShouldBe([
            "shop.yaml:14:5: error JS005: touchpoint id 'buy' is already used by the stage at line 4\n  hint: give each one a unique id; touchpoints and stages share one namespace",
        ]);
    }

    [Fact]
    public void JS006_FlowNamesUnknownTouchpoint_SuggestsTheClosest()
    {
        var yaml = Valid.Replace("[order, ship]", "[order, shipp]", StringComparison.Ordinal);
        Diagnose(yaml).ShouldBe([
            "shop.yaml:14:5: warning JS010: touchpoint 'ship' is not in the flow\n  hint: add it to the flow (wrap it in 'optional:' if customers may skip it), or remove it",
            "shop.yaml:20:21: error JS006: the flow names unknown touchpoint 'shipp'\n  hint: did you mean 'ship'?",
        ]);
    }

    [Fact]
    public void JS007_TouchpointNamesUnknownStage_ListsTheStages()
    {
        var yaml = Valid.Replace("stage: get", "stage: delivery", StringComparison.Ordinal);
        Diagnose(yaml).ShouldBe([
            "shop.yaml:6:5: warning JS009: stage 'get' has no touchpoint\n  hint: add a touchpoint with 'stage: get', or remove the stage",
            "shop.yaml:14:5: error JS007: touchpoint 'ship' names unknown stage 'delivery'\n  hint: use one of the stages: buy, get",
        ]);
    }

    [Fact]
    public void JS008_KpiNamesUnknownTouchpoint_IsAnError()
    {
        var yaml = Valid + "\n    touchpoints: [order, shp]\n";
        Diagnose(yaml).ShouldBe([
            "shop.yaml:22:5: error JS008: KPI 'cycle' names unknown touchpoint 'shp'\n  hint: did you mean 'ship'?",
        ]);
    }

    [Fact]
    public void JS009_StageWithoutTouchpoint_IsAWarning()
    {
        var yaml = Valid.Replace("stages:\n", "stages:\n  - id: loyalty\n    name: Loyalty\n", StringComparison.Ordinal);
        Diagnose(yaml).ShouldBe([
            "shop.yaml:4:5: warning JS009: stage 'loyalty' has no touchpoint\n  hint: add a touchpoint with 'stage: loyalty', or remove the stage",
        ]);
    }

    [Fact]
    public void JS010_TouchpointNotInFlow_IsAWarning()
    {
        var yaml = Valid.Replace("sequence: [order, ship]", "sequence: [order]", StringComparison.Ordinal);
        Diagnose(yaml).ShouldBe([
            "shop.yaml:14:5: warning JS010: touchpoint 'ship' is not in the flow\n  hint: add it to the flow (wrap it in 'optional:' if customers may skip it), or remove it",
        ]);
    }

    [Fact]
    public void JS011_RuleMatchesNoEvent_SuggestsTheClosestActivity()
    {
        // Given a log where the shipping activity is spelt differently
        var log = Log(("c1", "Place order"), ("c1", "Ship orders"));

        // When the journey is validated against it
        // Then JS011 warns and suggests the log's activity
        Diagnose(Valid, log).ShouldBe([
            "shop.yaml:14:5: warning JS011: touchpoint 'ship' matches no event in the log\n  hint: did you mean the activity 'Ship orders'?",
        ]);
    }

    [Fact]
    public void JS011_WithoutALog_IsNotChecked()
    {
        // Given the same journey without a log, nothing can be said about matches
        Diagnose(Valid).ShouldBeEmpty();
    }

    [Fact]
    public void JS013_KpiNamesNothing_SuggestsTheClosestName()
    {
        // Given a KPI whose 'to' names neither a touchpoint, a stage nor an activity (a typo of the touchpoint 'ship')
        var yaml = Valid + "\n    from: order\n    to: shipp\n";
        var log = Log(("c1", "Place order"), ("c1", "Ship order"));

        // When the journey is validated against the log
        // Then JS013 warns instead of the KPI silently reporting no data; touchpoints and activities are fine
        Diagnose(yaml, log).ShouldBe([
            "shop.yaml:22:5: warning JS013: KPI 'cycle': to 'shipp' is not a touchpoint or stage of the journey nor an activity of the log\n  hint: did you mean 'ship'?",
        ]);
        Diagnose(yaml.Replace("to: shipp", "to: Ship order", StringComparison.Ordinal), log).ShouldBeEmpty();
    }

    [Fact]
    public void JS012_KpiCycle_ShowsThePath()
    {
        var yaml = Valid + "\n    drivers: [wait]\n  - id: wait\n    name: Wait\n    kind: wait-time\n    drivers: [cycle]\n";
        Diagnose(yaml).ShouldBe([
            "shop.yaml:27:5: error JS012: the KPI tree has a cycle: cycle -> wait -> cycle\n  hint: a KPI cannot drive itself, directly or through other KPIs; remove one of these drivers",
        ]);
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(17, 1)]
    [InlineData(40, 1)]
    public void JS023_ParallelBlockOfNTouchpoints_RefusedBeyondTheStateLimit(int touchpoints, int errors)
    {
        // Given a journey whose flow runs n touchpoints in parallel (2^n states)
        var yaml = ParallelJourney(Enumerable.Range(0, touchpoints).Select(i => $"t{i}").ToList(), $"[{string.Join(", ", Enumerable.Range(0, touchpoints).Select(i => $"t{i}"))}]");

        // When it is validated
        var diagnostics = Diagnose(yaml);

        // Then 17 or more are refused at the parallel block, with the bound and a way out; 16 pass
        diagnostics.Count(d => d.Contains("JS023", StringComparison.Ordinal)).ShouldBe(errors);
        if (errors > 0)
        {
            diagnostics.ShouldContain(d => d.StartsWith($"shop.yaml:{7 + (5 * touchpoints)}:3: error JS023: the flow has about ", StringComparison.Ordinal)
                && d.Contains("more than the 100,000 conformance can align against", StringComparison.Ordinal) && d.Contains("hint: split a large 'parallel:' block", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void JS023_ParallelTracksOfSequences_CountsEachTracksStates()
    {
        // Given four parallel tracks of four steps (5^4 states) and five parallel tracks of twelve (13^5 = 371,293 states)
        var small = Enumerable.Range(0, 16).Select(i => $"t{i}").ToList();
        var large = Enumerable.Range(0, 60).Select(i => $"t{i}").ToList();
        string Tracks(List<string> ids, int width) =>
            "[" + string.Join(", ", ids.Chunk(width).Select(track => "{ sequence: [" + string.Join(", ", track) + "] }")) + "]";

        // When both are validated
        // Then the first passes and the second is refused
        Diagnose(ParallelJourney(small, Tracks(small, 4))).ShouldNotContain(d => d.Contains("JS023", StringComparison.Ordinal));
        Diagnose(ParallelJourney(large, Tracks(large, 12))).ShouldContain(d => d.Contains("error JS023: the flow has about 371,29", StringComparison.Ordinal));
    }

    /// <summary>A journey of one stage whose touchpoints (activity = id) run as <paramref name="parallel"/> (a YAML flow list).</summary>
    private static string ParallelJourney(IReadOnlyList<string> ids, string parallel) =>
        "journey: par\nname: Par\nstages:\n  - { id: s, name: S }\ntouchpoints:\n"
        + string.Concat(ids.Select(id => $"  - id: {id}\n    name: {id}\n    stage: s\n    lane: frontstage\n    match: {{ activity: {id} }}\n"))
        + "flow:\n  parallel: " + parallel + "\n";

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneAtOnce()
    {
        // Given a journey with an unknown key, a bad lane, an unknown stage and an unknown flow touchpoint
        var yaml = Valid
            .Replace("name: Shop", "nmae: Shop", StringComparison.Ordinal)
            .Replace("lane: customer-action", "lane: customer", StringComparison.Ordinal)
            .Replace("stage: get", "stage: gett", StringComparison.Ordinal)
            .Replace("[order, ship]", "[order, ship, pay]", StringComparison.Ordinal);

        // When it is validated
        var codes = Diagnose(yaml).Select(d => d[(d.IndexOf(" JS", StringComparison.Ordinal) + 1)..(d.IndexOf(" JS", StringComparison.Ordinal) + 6)]);

        // Then all of them are there, in file order
        codes.ShouldBe(["JS002", "JS003", "JS009", "JS004", "JS007", "JS006"]);
    }

    private static List<string> Diagnose(string yaml, EventLog? log = null) =>
        JourneyValidator.Validate(JourneyYaml.Parse(yaml, "shop.yaml"), log).Select(d => d.ToString()).ToList();

    private static EventLog Log(params (string Case, string Activity)[] events)
    {
        var builder = new EventLogBuilder();
        var time = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);
        foreach (var (caseId, activity) in events)
        {
            builder.AddEvent(caseId, activity, time);
            time = time.AddMinutes(5);
        }

        return builder.Build();
    }
}
