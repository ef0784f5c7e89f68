using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Tests.Journeys;

public sealed class JourneyYamlReadTests
{
    [Fact]
    public void Read_DocsExample_GivesEveryFieldWithoutDiagnostics()
    {
        // Given the full example of docs/journeys.md
        var yaml = JourneyText.DocsExample();

        // When it is read
        var result = JourneyYaml.Parse(yaml, "retail.yaml");

        // Then it reads cleanly and every part is there
        result.Diagnostics.ShouldBeEmpty();
        var journey = result.Journey.ShouldNotBeNull();
        journey.Id.ShouldBe("retail");
        journey.Name.ShouldBe("Retail purchase journey");
        journey.Owner.ShouldBe("CX team");
        journey.Personas.Select(p => p.Segment).ShouldBe(["case.segment == new", "case.segment == B2B"]);
        journey.Stages.Select(s => s.Id).ShouldBe(["awareness", "purchase", "fulfilment", "feedback"]);
        journey.Touchpoints.Select(t => t.Id).ShouldBe(["browse", "app-checkout", "pay", "ship", "deliver", "survey"]);
        journey.Touchpoints[0].Lane.ShouldBe(BlueprintLane.CustomerAction);
        journey.Touchpoints[0].Rule.Activities.ShouldBe(["View product", "Search"]);
        journey.Touchpoints[1].Rule.ActivityPattern.ShouldBe("^Checkout( .*)?$");
        journey.Touchpoints[1].Rule.Conditions.ShouldBe(["event.channel == app"]);
        journey.Touchpoints[2].Lane.ShouldBe(BlueprintLane.Support);
        journey.Touchpoints[4].Lane.ShouldBe(BlueprintLane.PhysicalEvidence);
        journey.Flow!.ToString().ShouldBe("->( X( 'browse', tau ), 'app-checkout', *( 'pay', tau ), 'ship', 'deliver', X( 'survey', tau ) )");
        journey.Kpis[0].Parameters["activity"].ShouldBe("NPS survey");
        journey.Kpis[0].Parameters["attribute"].ShouldBe("score");
        journey.Kpis[0].Drivers.ShouldBe(["delivery-time"]);
        journey.Kpis[1].Target.ShouldBe("<= 3d");
        journey.Kpis[2].Expression.ShouldBe("count(cases where time_target_breached(delivery-3d)) / count(cases)");
        journey.CriticalSuccessFactors[0].Kpis.ShouldBe(["delivery-time", "late-share"]);
        journey.TimeTargets[0].Within.ShouldBe(TimeSpan.FromDays(3));
        journey.TimeTargets[0].BusinessHours.ShouldBeFalse();
    }

    [Fact]
    public void Read_Touchpoint_RecordsLineAndColumnOfItsMapping()
    {
        // Given a journey whose second touchpoint starts on line 9
        var yaml = """
            journey: j
            name: J
            touchpoints:
              - id: a
                name: A
                stage: awareness
                lane: frontstage
                match: { activity: A }
              - id: b
                name: B
                stage: purchase
                lane: backstage
                match: { activity: B }
            flow: { sequence: [a, b] }
            """;

        // When it is read
        var journey = JourneyYaml.Parse(yaml, "j.yaml").Journey!;

        // Then locations are 1-based lines and columns of the file
        journey.Touchpoints[1].Location.ShouldBe(new SourceLocation("j.yaml", 9, 5));
        journey.Flow!.Children[1].Location.ShouldBe(new SourceLocation("j.yaml", 14, 23));
        journey.Stages.ShouldBeSameAs(DesignedJourney.DefaultStages);
    }
}
