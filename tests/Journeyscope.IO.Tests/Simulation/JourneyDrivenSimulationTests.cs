using Journeyscope.Conformance;
using Journeyscope.IO.Journeys;
using Journeyscope.IO.Simulation;
using Journeyscope.Journeys;
using Journeyscope.Simulation;

namespace Journeyscope.IO.Tests.Simulation;

/// <summary>Generation is driven by the journey: any valid journey's designed flow is played out and conforms to itself.</summary>
public sealed class JourneyDrivenSimulationTests
{
    private static readonly Scenario Quiet = Scenario.Default with { Months = 2, Problems = InjectedProblems.None };

    private static DesignedJourney Sample(string name) =>
        JourneyYaml.Read(Path.Combine(RetailSample.Folder, "..", name, "journeys", name + ".yaml")).Journey.ShouldNotBeNull();

    private static DesignedJourney Parse(string yaml) =>
        JourneyYaml.Read(new StringReader(yaml), "tiny.yaml").Journey.ShouldNotBeNull();

    [Theory]
    [InlineData("receipt")]
    [InlineData("helpdesk")]
    public void Run_SampleJourney_OutputConformsToItsOwnFlow(string name)
    {
        // Given a real journey's designed flow (choices, optional steps, loops, parallel parts, regex and case conditions)
        var journey = Sample(name);

        // When 1,500 customers are simulated from it and checked against it
        var log = Simulator.Run(journey, Quiet, new SimulationOptions { Customers = 1500, Seed = 3 }, TestContext.Current.CancellationToken).Log;
        var report = JourneyConformance.Check(log, journey, cancellationToken: TestContext.Current.CancellationToken).Report;

        // Then every event maps to a touchpoint and nearly every case fits its own flow
        report.UnmappedSteps.ShouldBeEmpty();
        report.ConformanceRate.ShouldBeGreaterThan(0.95);
        log.ActivityCount.ShouldBeGreaterThan(journey.Touchpoints.Count / 2);
    }

    [Fact]
    public void Run_TinyJourney_ExactActivitySetOrderAndKnobs()
    {
        // Given a tiny journey: a regex touchpoint, a choice never taking 'b2' (weight 0), a parallel part, a loop
        var journey = Parse("""
            journey: tiny
            name: Tiny
            stages: [{ id: s, name: S }]
            touchpoints:
              - { id: a, name: Arrive, stage: s, lane: customer-action, channel: web, match: { activity: [Arrive, Come in] } }
              - { id: b1, name: Choose one, stage: s, lane: frontstage, match: { activity: B1 } }
              - { id: b2, name: Choose two, stage: s, lane: frontstage, match: { activity: B2 } }
              - { id: c, name: Check, stage: s, lane: backstage, match: { activity_regex: "C-[0-9]+ .*" } }
              - { id: d, name: Deliver, stage: s, lane: physical-evidence, channel: post, match: { activity: D, where: case.route == post } }
              - { id: e, name: End, stage: s, lane: support, match: { activity: E } }
            flow:
              sequence:
                - a
                - choice: [b1, b2]
                - parallel: [c, d]
                - repeat: e
            """);
        var scenario = Quiet with
        {
            Touchpoints = new Dictionary<string, TouchpointKnobs>(StringComparer.Ordinal)
            {
                ["b2"] = new() { Weight = 0 },
                ["e"] = new() { Repeat = 0.5 },
                ["a"] = new() { Delay = SimulatedDelay.Minutes(10) },
            },
        };

        // When it is simulated
        var log = Simulator.Run(journey, scenario, new SimulationOptions { Customers = 400, Seed = 5 }, TestContext.Current.CancellationToken).Log;

        // Then exactly the first activity of each rule appears (a regex example for 'c'), B2 never, and every case
        // starts with Arrive, ends with E, has the case value its rule asks for, and fits the flow
        log.ActivityNames.Order(StringComparer.Ordinal).ShouldBe(["Arrive", "B1", "C-0 Check", "D", "E"]);
        var route = log.FindCaseAttribute("route").ShouldNotBeNull();
        var repeated = 0;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var names = log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a]).ToArray();
            names[0].ShouldBe("Arrive");
            names[^1].ShouldBe("E");
            names.Count(n => n == "E").ShouldBeLessThanOrEqualTo(1 + Quiet.MaxRepeats);
            repeated += names.Count(n => n == "E") > 1 ? 1 : 0;
            route.GetValue(c).ShouldNotBeNull().AsString().ShouldBe("post");
        }

        repeated.ShouldBeInRange(150, 250);
        log.Channel.ShouldNotBeNull().GetString(0).ShouldBe("web");
        JourneyConformance.Check(log, journey, cancellationToken: TestContext.Current.CancellationToken).Report.ConformanceRate.ShouldBe(1);
    }

    [Fact]
    public void Run_JourneyWithoutFlow_PlaysEveryTouchpointInStageOrder()
    {
        // Given a journey without a designed flow
        var journey = Parse("""
            journey: flat
            name: Flat
            stages: [{ id: one, name: One }, { id: two, name: Two }]
            touchpoints:
              - { id: late, name: Late, stage: two, lane: frontstage, match: { activity: Late } }
              - { id: early, name: Early, stage: one, lane: customer-action, match: { activity: Early } }
            """);

        // When it is simulated, then every case is Early then Late
        var log = Simulator.Run(journey, Quiet, new SimulationOptions { Customers = 50, Seed = 1 }, TestContext.Current.CancellationToken).Log;
        for (var c = 0; c < log.CaseCount; c++)
        {
            log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a]).ShouldBe(["Early", "Late"]);
        }
    }

    [Fact]
    public void Run_RetailSampleWithEveryProblem_MostCustomersConformExceptTheInjectedProblems()
    {
        // Given the retail sample journey and scenario (every problem on), as the demo simulates them
        var journey = JourneyYaml.Read(Path.Combine(RetailSample.Folder, "journeys", "retail.yaml")).Journey.ShouldNotBeNull();
        var scenario = ScenarioYaml.Read(Path.Combine(RetailSample.Folder, "scenario.yaml"));

        // When 3,000 customers are simulated and checked
        var result = Simulator.Run(journey, scenario, new SimulationOptions { Customers = 3000, Seed = 1 }, TestContext.Current.CancellationToken);
        var report = JourneyConformance.Check(result.Log, journey, cancellationToken: TestContext.Current.CancellationToken).Report;

        // Then customers who are hit by no injected problem nearly all fit (drop-outs and repeats are designed)
        var affected = result.GroundTruth.Problems.Where(p => p.Kind != "monday-backlog")
            .SelectMany(p => p.AffectedCases).ToHashSet(StringComparer.Ordinal);
        var clean = result.Log.CaseCount - affected.Count;
        report.FittingCases.ShouldBeGreaterThan((int)(clean * 0.95));
        report.ConformanceRate.ShouldBeGreaterThan(0.5);
    }
}
