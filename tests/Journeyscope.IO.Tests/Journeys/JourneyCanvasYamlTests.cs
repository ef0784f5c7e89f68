using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Tests.Journeys;

/// <summary>The lifecycle canvas of stages and the capabilities of touchpoints: read, validated with line and field, written back.</summary>
public sealed class JourneyCanvasYamlTests
{
    private const string Journey = """
        journey: shop
        name: Shop
        stages:
          - id: buy
            name: Buy
            canvas:
              customer_actions: [Chooses, Pays]
              frontstage: Checkout page
              backstage: [Fraud check]
              opportunities: [Faster payment]
              value_proposition: "Paying: quick and safe"
          - id: get
            name: Get
        touchpoints:
          - id: order
            name: Order
            stage: buy
            lane: customer-action
            match: { activity: Place order }
            capabilities:
              - kind: technology
                name: Payment SDK
                readiness: 2
                note: retries fail on old phones
              - { kind: people, name: Agents, readiness: optimised }
          - id: ship
            name: Ship
            stage: get
            lane: backstage
            match: { activity: Ship order }
        """;

    [Fact]
    public void Read_CanvasAndCapabilities_KeepsEveryFieldWithNamedLevels()
    {
        // Given a journey with a stage canvas and two capabilities, one with a named readiness level
        // When it is read
        var read = JourneyYaml.Parse(Journey, "shop.yaml");

        // Then nothing is reported and every field is kept
        JourneyValidator.Validate(read).ShouldBeEmpty();
        var canvas = read.Journey!.Stages[0].Canvas!;
        canvas.CustomerActions.ShouldBe(["Chooses", "Pays"]);
        canvas.Frontstage.ShouldBe(["Checkout page"]);
        canvas.Backstage.ShouldBe(["Fraud check"]);
        canvas.Opportunities.ShouldBe(["Faster payment"]);
        canvas.ValueProposition.ShouldBe("Paying: quick and safe");
        read.Journey.Stages[1].Canvas.ShouldBeNull();
        var capabilities = read.Journey.Touchpoints[0].Capabilities;
        capabilities.Select(c => (c.Kind, c.Name, c.Readiness, c.Level)).ShouldBe(
            [(CapabilityKind.Technology, "Payment SDK", 2, "initial"), (CapabilityKind.People, "Agents", 5, "optimised")]);
        capabilities[0].Note.ShouldBe("retries fail on old phones");
        capabilities[0].Location.Line.ShouldBe(21);
    }

    [Fact]
    public void WriteThenRead_CanvasAndCapabilities_GivesTheSameContent()
    {
        // Given the journey read
        var original = JourneyYaml.Parse(Journey, "shop.yaml").Journey!;

        // When written and read back
        var yaml = JourneyYaml.Write(original);
        var again = JourneyYaml.Parse(yaml).Journey!;

        // Then the canvas and the capabilities are the same (levels written as numbers)
        yaml.ShouldContain("    canvas:\n      customer_actions: [Chooses, Pays]\n");
        yaml.ShouldContain("      - kind: people\n        name: Agents\n        readiness: 5\n");
        JourneyText.ShouldEqual(again, original);
    }

    [Fact]
    public void WriteThenRead_EmptyCanvas_StaysAnEmptyCanvas()
    {
        var journey = JourneyYaml.Parse(Journey, "shop.yaml").Journey!;
        var empty = journey with { Stages = [journey.Stages[0] with { Canvas = new StageCanvas([], [], [], [], null) }, journey.Stages[1]] };

        var again = JourneyYaml.Parse(JourneyYaml.Write(empty)).Journey!;

        again.Stages[0].Canvas.ShouldNotBeNull();
        again.Stages[0].Canvas!.CustomerActions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("kind: technology", "kind: tech", "shop.yaml:21:15: error JS017: 'kind' is 'tech', not a capability kind")]
    [InlineData("kind: technology", "kind: money", "shop.yaml:21:15: error JS017: 'kind' is 'money', not a capability kind")]
    [InlineData("readiness: 2", "readiness: 6", "shop.yaml:23:20: error JS018: 'readiness' is '6', not a readiness level")]
    [InlineData("readiness: 2", "readiness: 0", "shop.yaml:23:20: error JS018: 'readiness' is '0', not a readiness level")]
    [InlineData("readiness: 2", "readiness: ready", "shop.yaml:23:20: error JS018: 'readiness' is 'ready', not a readiness level")]
    [InlineData("readiness: 2", "readiness: 2.5", "shop.yaml:23:20: error JS018: 'readiness' is '2.5', not a readiness level")]
    [InlineData("name: Agents", "name: Agents, level: 3", "shop.yaml:25:39: error JS003: unknown key 'level' in capability #2 of touchpoint 'order'")]
    [InlineData("value_proposition:", "value_propositon:", "shop.yaml:11:7: error JS003: unknown key 'value_propositon' in the canvas of stage 'buy'")]
    [InlineData("name: Payment SDK", "name: ~", "shop.yaml:21:9: error JS002: Capability #1 of touchpoint 'order' has no 'name'")]
    public void Validate_BadCapabilityOrCanvas_ReportsTheLineAndField(string find, string replace, string expected)
    {
        // Given the journey with one field broken
        var yaml = Journey.Replace(find, replace, StringComparison.Ordinal);

        // When it is read and validated
        var diagnostics = Diagnose(yaml);

        // Then the problem is reported at its line and column
        diagnostics.ShouldContain(d => d.StartsWith(expected, StringComparison.Ordinal), string.Join("\n", diagnostics));
    }

    [Fact]
    public void Validate_CapabilityListedTwice_ReportsTheSecondWithTheFirstLine()
    {
        // Given the same technology capability twice on one touchpoint (names differ in case only)
        var yaml = Journey.Replace("      - { kind: people, name: Agents, readiness: optimised }",
            "      - { kind: people, name: Agents, readiness: optimised }\n      - { kind: technology, name: payment sdk, readiness: 3 }", StringComparison.Ordinal);

        // When validated
        var diagnostics = Diagnose(yaml);

        // Then JS019 names the touchpoint, the kind and the first entry's line
        diagnostics.ShouldHaveSingleItem().ShouldBe(
            "shop.yaml:26:9: error JS019: touchpoint 'order' lists the technology capability 'payment sdk' twice (first at line 21)\n" +
            "  hint: keep one entry per capability; give a different name to a different capability");
    }

    [Fact]
    public void Validate_SameNameOfAnotherKind_IsNoDuplicate()
    {
        var yaml = Journey.Replace("      - { kind: people, name: Agents, readiness: optimised }",
            "      - { kind: people, name: Agents, readiness: optimised }\n      - { kind: data, name: Payment SDK, readiness: 3 }", StringComparison.Ordinal);

        Diagnose(yaml).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_CanvasNoteRepeated_WarnsWithJs020()
    {
        var yaml = Journey.Replace("customer_actions: [Chooses, Pays]", "customer_actions: [Chooses, Pays, pays]", StringComparison.Ordinal);

        var diagnostics = Diagnose(yaml);

        diagnostics.ShouldHaveSingleItem().ShouldStartWith("shop.yaml:7:7: warning JS020: the canvas of stage 'buy' lists 'pays' twice under 'customer_actions'");
    }

    [Fact]
    public void RetailSample_WithCanvasAndCapabilities_IsValid()
    {
        // Given the demo's journey
        var read = JourneyYaml.Read(Path.Combine(JourneyText.RepoRoot(), "samples", "retail", "journeys", "retail.yaml"));

        // When validated
        var diagnostics = JourneyValidator.Validate(read).Select(d => d.ToString());

        // Then it is clean, every stage has a canvas and the payment touchpoint maps all its capability kinds but people
        diagnostics.ShouldBeEmpty();
        read.Journey!.Stages.Count.ShouldBe(8);
        read.Journey.Stages.ShouldAllBe(s => s.Canvas != null);
        read.Journey.FindTouchpoint("pay")!.Capabilities.Select(c => c.Kind).ShouldBe([CapabilityKind.Technology, CapabilityKind.Process, CapabilityKind.Data]);
    }

    private static List<string> Diagnose(string yaml) =>
        JourneyValidator.Validate(JourneyYaml.Parse(yaml, "shop.yaml")).Select(d => d.ToString()).ToList();
}
