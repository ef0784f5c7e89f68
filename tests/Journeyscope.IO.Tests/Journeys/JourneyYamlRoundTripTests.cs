using CsCheck;
using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Tests.Journeys;

public sealed class JourneyYamlRoundTripTests
{
    [Fact]
    public void WriteThenRead_DocsExample_GivesAnEqualJourney()
    {
        // Given the docs example, read
        var original = JourneyYaml.Parse(JourneyText.DocsExample()).Journey!;

        // When it is written and read back
        var yaml = JourneyYaml.Write(original);
        var again = JourneyYaml.Parse(yaml);

        // Then nothing is lost and the flow is written as nested YAML
        again.Diagnostics.ShouldBeEmpty();
        JourneyText.ShouldEqual(again.Journey!, original);
        yaml.ShouldContain("flow:\n  sequence:\n    - optional: browse\n    - app-checkout\n    - repeat: pay\n");
        yaml.ShouldContain("within: 3d");
    }

    [Fact]
    public void WriteThenRead_AwkwardTextAndNestedFlow_GivesAnEqualJourney()
    {
        // Given values that need quoting and a deeply nested flow, including a touchpoint named like the silent step
        var flow = ProcessTree.Node(ProcessTreeOperator.Sequence, [
            ProcessTree.Leaf("a: b"),
            ProcessTree.Node(ProcessTreeOperator.Loop, [
                ProcessTree.Node(ProcessTreeOperator.Parallel, [ProcessTree.Leaf("skip"), ProcessTree.Leaf("#x")]),
                ProcessTree.Node(ProcessTreeOperator.ExclusiveChoice, [ProcessTree.Silent(), ProcessTree.Leaf("true")]),
            ]),
            ProcessTree.Node(ProcessTreeOperator.ExclusiveChoice, [
                ProcessTree.Node(ProcessTreeOperator.Sequence, [ProcessTree.Leaf("a: b"), ProcessTree.Leaf("#x")]),
                ProcessTree.Silent(),
            ]),
        ]);
        var rule = new TouchpointRule(["Say \"hi\"", "back\\slash", "[list]"], "^a.*$", ["event.channel == app", "case.segment in (B2B, \"x, y\")"]);
        var journey = new DesignedJourney(
            "j_1", "Name: with colon", "  padded ", "line one\nline two", [new Persona("p", "P", null, "case.x == 1")],
            [new Stage("s", "S"), new Stage("null", "yes")],
            [
                new Touchpoint("a: b", "A", "s", BlueprintLane.Frontstage, "app", null, rule),
                new Touchpoint("skip", "-dash", "s", BlueprintLane.PhysicalEvidence, null, "Ops", new TouchpointRule(["X"], null, []), "d"),
                new Touchpoint("#x", "H", "null", BlueprintLane.Backstage, null, null, new TouchpointRule([], "X|Y", [])),
                new Touchpoint("true", "T", "null", BlueprintLane.Support, null, null, new TouchpointRule(["Y"], null, [])),
            ],
            flow,
            [new JourneyKpi("k", "K", "custom", ">= 40", ["s"], ["#x"], new Dictionary<string, string> { ["weight"] = "0.5", ["from"] = "a: b" }, "count(cases)", [])],
            [new CriticalSuccessFactor("f", "F", ["k"])],
            [new TimeTarget("t", "T", "a: b", "#x", new TimeSpan(1, 12, 0, 0), BusinessHours: true)]);

        // When it is written and read back
        var again = JourneyYaml.Parse(JourneyYaml.Write(journey));

        // Then the content is equal
        again.Diagnostics.ShouldBeEmpty();
        JourneyText.ShouldEqual(again.Journey!, journey);
    }

    [Fact]
    public void WriteThenRead_AnyTextValues_RoundTrip()
    {
        // Given any text in names, descriptions, activities and conditions
        Gen.String[Gen.Char[' ', '~'], 1, 12].Select(Gen.String[Gen.Char.AlphaNumeric, 1, 6]).Sample((text, id) =>
        {
            var journey = new DesignedJourney(
                id, text, text, text, [], DesignedJourney.DefaultStages,
                [new Touchpoint(id, text, "service", BlueprintLane.Frontstage, text, text, new TouchpointRule([text], null, [text]), text)],
                ProcessTree.Leaf(id), [], [], []);

            // When it is written and read back
            var again = JourneyYaml.Parse(JourneyYaml.Write(journey));

            // Then the text is unchanged
            again.Diagnostics.ShouldBeEmpty();
            JourneyText.ShouldEqual(again.Journey!, journey);
        });
    }
}
