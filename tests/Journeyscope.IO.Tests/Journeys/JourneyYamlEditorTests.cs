using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Tests.Journeys;

public sealed class JourneyYamlEditorTests
{
    private static string Retail() => File.ReadAllText(Path.Combine(JourneyText.RepoRoot(), "samples", "retail", "journeys", "retail.yaml"));

    [Fact]
    public void EditTouchpoint_RetailNameAndStage_ChangesOnlyThoseTwoLines()
    {
        // Given the retail sample, with its comments
        var yaml = Retail();

        // When the onboarding email is renamed (to a name that needs quotes) and moved to another stage
        var edited = JourneyYamlEditor.EditTouchpoint(yaml, "onboarding-email", new TouchpointEdit(Name: "Welcome: send onboarding email", Stage: "purchase"));

        // Then it reads back with the new values and no error, and every other line is as it was (comments included)
        var read = JourneyYaml.Parse(edited);
        read.HasErrors.ShouldBeFalse(string.Join("\n", read.Diagnostics));
        var touchpoint = read.Journey!.Touchpoints.Single(t => t.Id == "onboarding-email");
        touchpoint.Name.ShouldBe("Welcome: send onboarding email");
        touchpoint.Stage.ShouldBe("purchase");
        var before = yaml.Split('\n');
        var after = edited.Split('\n');
        after.Length.ShouldBe(before.Length);
        before.Zip(after).Count(p => p.First != p.Second).ShouldBe(2);
        edited.ShouldContain("# The eight default stages, written out to carry the lifecycle canvas");
        edited.ShouldContain("    name: \"Welcome: send onboarding email\"");
    }

    [Fact]
    public void EditTouchpoint_MissingChannelAndLane_AddedUnderTheId()
    {
        // Given a touchpoint without a channel (a comment after its id), and one in a flow mapping
        var yaml = """
            journey: j
            touchpoints:
              - id: a   # the first step
                name: A
                stage: awareness
                lane: frontstage
                match: { activity: A }
              - { id: b, name: B, stage: awareness, match: { activity: B } }
            """;

        // When
        var edited = JourneyYamlEditor.EditTouchpoint(yaml, "a", new TouchpointEdit(Channel: "web"));
        edited = JourneyYamlEditor.EditTouchpoint(edited, "b", new TouchpointEdit(Lane: "backstage", Name: "Bee"));

        // Then
        var journey = JourneyYaml.Parse(edited).Journey!;
        journey.Touchpoints[0].Channel.ShouldBe("web");
        journey.Touchpoints[1].Lane.ShouldBe(BlueprintLane.Backstage);
        journey.Touchpoints[1].Name.ShouldBe("Bee");
        edited.ShouldContain("  - id: a   # the first step\n    channel: web\n");
    }

    [Fact]
    public void EditTouchpoint_EmptyChannel_RemovesTheLine()
    {
        // When the retail onboarding email loses its channel
        var edited = JourneyYamlEditor.EditTouchpoint(Retail(), "onboarding-email", new TouchpointEdit(Channel: ""));

        // Then
        JourneyYaml.Parse(edited).Journey!.Touchpoints.Single(t => t.Id == "onboarding-email").Channel.ShouldBeNull();
        edited.Split('\n').Length.ShouldBe(Retail().Split('\n').Length - 1);
    }

    [Fact]
    public void EditTouchpoint_UnknownId_Refused()
    {
        // When / Then
        Should.Throw<JourneyEditException>(() => JourneyYamlEditor.EditTouchpoint(Retail(), "no-such", new TouchpointEdit(Name: "x")))
            .Message.ShouldContain("no-such");
    }
}
