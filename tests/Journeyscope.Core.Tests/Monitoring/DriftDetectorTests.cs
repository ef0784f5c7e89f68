using Journeyscope.EventLogs;
using Journeyscope.Monitoring;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Monitoring;

public sealed class DriftDetectorTests
{
    [Fact]
    public void Detect_AddedStep_OneChangePointSayingTheStepAppeared()
    {
        // Given 2,000 cases where a new step is added from case 1,234
        var generator = new DriftLogGenerator(7);
        var before = generator.RandomModel();
        var log = generator.Play(before, generator.Apply(before, DriftPattern.Added), 2000, DriftLogGenerator.Sudden(1234));

        // When drift is detected
        var result = DriftDetector.Detect(log, 5, cancellationToken: TestContext.Current.CancellationToken);

        // Then one change point at that case, with its time and id, whose first change is the new step appearing
        var point = result.ChangePoints.ShouldHaveSingleItem();
        point.CaseIndex.ShouldBe(1234);
        point.CaseId.ShouldBe("c" + point.CaseIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        point.Timestamp.ShouldBe(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(point.CaseIndex));
        var appeared = point.Changes.First(c => c.Subject == DriftSubject.Activity);
        appeared.Kind.ShouldBe(DriftChangeKind.Appeared);
        appeared.Activity.ShouldBe("New step");
        appeared.Before.ShouldBe(0);
        appeared.After.ShouldBeGreaterThan(0.99);
        appeared.Text.ShouldBe("'New step' appeared: in 100.0 % of cases after, none before.");
        point.Changes.ShouldContain(c => c.Subject == DriftSubject.Edge && c.To == "New step" && c.Kind == DriftChangeKind.Appeared);
        result.Version.ShouldBe(5);
        result.Cases.ShouldBe(2000);
        result.Parameters.Adaptive.ShouldBeTrue();
        result.Parameters.Windows.ShouldBe([200, 400]);
        result.Timeline.ShouldContain(t => t.Significant);
        result.Timeline.Count.ShouldBeLessThanOrEqualTo(300);
    }

    [Fact]
    public void Detect_RemovedStep_ChangeSaysTheStepVanished()
    {
        // Given 2,000 cases where one step is removed from case 900
        var generator = new DriftLogGenerator(3);
        var before = generator.RandomModel();
        var after = generator.Apply(before, DriftPattern.Removed);
        var removed = before.Slots.SelectMany(s => s.Names).Except(after.Slots.SelectMany(s => s.Names)).ShouldHaveSingleItem();
        var log = generator.Play(before, after, 2000, DriftLogGenerator.Sudden(900));

        // When drift is detected
        var point = DriftDetector.Detect(log, cancellationToken: TestContext.Current.CancellationToken).ChangePoints.ShouldHaveSingleItem();

        // Then the removed step vanished, in plain words
        var vanished = point.Changes.Single(c => c.Subject == DriftSubject.Activity);
        vanished.Kind.ShouldBe(DriftChangeKind.Vanished);
        vanished.Activity.ShouldBe(removed);
        vanished.Text.ShouldBe($"'{removed}' vanished: in 100.0 % of cases before, none after.");
    }

    [Fact]
    public void Detect_FrequencyChange_ChangeSaysFromWhatShareToWhat()
    {
        // Given a choice whose first branch goes from an even share to 80 % at case 1,500 of 4,000
        var generator = new DriftLogGenerator(21);
        var before = generator.RandomModel();
        var after = generator.Apply(before, DriftPattern.Frequency);
        var branch = before.Slots.First(s => s.Kind == DriftLogGenerator.SlotKind.Choice).Names[0];
        var log = generator.Play(before, after, 4000, DriftLogGenerator.Sudden(1500));

        // When drift is detected
        var point = DriftDetector.Detect(log, cancellationToken: TestContext.Current.CancellationToken).ChangePoints.ShouldHaveSingleItem();

        // Then the branch's activity changed frequency upwards, and the text gives both shares
        var change = point.Changes.Single(c => c.Subject == DriftSubject.Activity && c.Activity == branch);
        change.Kind.ShouldBe(DriftChangeKind.Frequency);
        change.After.ShouldBeGreaterThan(change.Before + 0.2);
        change.Text.ShouldStartWith($"'{branch}' changed frequency from ");
    }

    [Fact]
    public void Detect_FixedWindow_UsesThatWindowOnly()
    {
        // Given a sudden drift, when detected with a window of 100 cases
        var generator = new DriftLogGenerator(5);
        var before = generator.RandomModel();
        var log = generator.Play(before, generator.Apply(before, DriftPattern.Moved), 1000, DriftLogGenerator.Sudden(500));
        var result = DriftDetector.Detect(log, options: new DriftOptions { Window = 100 }, cancellationToken: TestContext.Current.CancellationToken);

        // Then only that window is scanned, and the drift is found with it
        result.Parameters.Windows.ShouldBe([100]);
        result.Parameters.Adaptive.ShouldBeFalse();
        result.ChangePoints.ShouldHaveSingleItem().Window.ShouldBe(100);
    }

    [Fact]
    public void Detect_TooFewCases_NoChangePointsAndNoWindows()
    {
        // Given a log of 30 cases (too few for two windows of 20)
        var generator = new DriftLogGenerator(1);
        var model = generator.RandomModel();
        var log = generator.Play(model, model, 30, _ => 0);

        // When drift is detected, then nothing is tested and nothing is reported
        var result = DriftDetector.Detect(log, cancellationToken: TestContext.Current.CancellationToken);
        result.ChangePoints.ShouldBeEmpty();
        result.Parameters.Windows.ShouldBeEmpty();
        DriftDetector.Detect(EventLog.Empty, cancellationToken: TestContext.Current.CancellationToken).ChangePoints.ShouldBeEmpty();
    }

    [Fact]
    public void Detect_CasesOutOfOrder_OrderedByTheirFirstEvent()
    {
        // Given the cases of a drifting log added in reverse order
        var generator = new DriftLogGenerator(9);
        var before = generator.RandomModel();
        var forward = generator.Play(before, generator.Apply(before, DriftPattern.Added), 1000, DriftLogGenerator.Sudden(600));
        var builder = new EventLogBuilder();
        for (var c = forward.CaseCount - 1; c >= 0; c--)
        {
            for (var e = forward.CaseStart(c); e < forward.CaseStart(c) + forward.CaseLength(c); e++)
            {
                builder.AddEvent(forward.CaseIds[c], forward.ActivityNames[forward.Activities[e]], forward.Timestamps[e]);
            }
        }

        // When drift is detected
        var point = DriftDetector.Detect(builder.Build(), cancellationToken: TestContext.Current.CancellationToken).ChangePoints.ShouldHaveSingleItem();

        // Then the case index counts cases by their first event, not by their order in the file
        point.CaseIndex.ShouldBe(600);
        point.CaseId.ShouldBe("c" + point.CaseIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Detect_DemoSimulationWithDrift_OneChangePointNearTheChangeDate()
    {
        // Given the retail demo with only the drift problem (a new step for every order placed after the change date)
        var scenario = Scenario.Default with { Months = 4, Problems = InjectedProblems.None with { Drift = true } };
        var simulation = Simulator.Run(RetailJourney.Create(), scenario, new SimulationOptions { Customers = 3000, Seed = 4 }, TestContext.Current.CancellationToken);
        var truth = DemoDriftCaseIndex(simulation, scenario);

        // When drift is detected
        var result = DriftDetector.Detect(simulation.Log, cancellationToken: TestContext.Current.CancellationToken);

        // Then one change point lies within the lag of the first customer who started after the change date and says the
        // new step became common (customers who started earlier but ordered after the date have it too, so it was not
        // absent before); any other change point lies in the last windows, where the journeys of the newest customers are
        // cut off by the end of the simulated period, so steps only become rarer there (docs/monitoring.md, "Incomplete
        // cases at the end")
        foreach (var p in result.ChangePoints)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"truth {truth}, found {p.CaseIndex} (window {p.Window}): {string.Join(" | ", p.Changes.Select(c => c.Text))}");
        }

        var point = result.ChangePoints.Where(p => Math.Abs(p.CaseIndex - truth) <= DriftEvaluation.Lag).ShouldHaveSingleItem();
        var step = point.Changes.First(c => c.Subject == DriftSubject.Activity);
        step.Activity.ShouldBe(scenario.Problems.DriftActivity);
        step.After.ShouldBeGreaterThan(step.Before + 0.3);
        foreach (var other in result.ChangePoints.Where(p => p != point))
        {
            other.CaseIndex.ShouldBeGreaterThanOrEqualTo(simulation.Log.CaseCount - (2 * other.Window));
            other.Changes.ShouldAllBe(c => c.After < c.Before);
        }
    }

    /// <summary>The index (cases ordered by first event) of the first case that starts at or after the change date.</summary>
    internal static int DemoDriftCaseIndex(SimulationResult simulation, Scenario scenario)
    {
        var truth = simulation.GroundTruth;
        var change = truth.Start + ((truth.End - truth.Start) * scenario.Problems.DriftAt);
        var log = simulation.Log;
        return Enumerable.Range(0, log.CaseCount).Count(c => log.Timestamps[log.CaseStart(c)] < change.UtcTicks);
    }
}
