using System.Text;
using Journeyscope.EventLogs;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Simulation;

public sealed class SimulatorTests
{
    private static SimulationResult Simulate(int customers, int seed, bool parallel = true, IProgress<SimulationProgress>? progress = null) =>
        Simulator.Run(RetailJourney.Create(), Scenario.Default with { Months = 3 },
            new SimulationOptions { Customers = customers, Seed = seed, Parallel = parallel, Progress = progress });

    [Fact]
    public void Run_SameSeedParallelAndSequential_IdenticalLogAndGroundTruth()
    {
        // Given two runs with the same seed, one on many threads and one on a single thread
        // When both simulate 2,500 customers (three chunks)
        var parallel = Simulate(2500, 42, parallel: true);
        var sequential = Simulate(2500, 42, parallel: false);

        // Then the logs and ground truths are identical
        Fingerprint(parallel.Log).ShouldBe(Fingerprint(sequential.Log));
        GroundTruthJson(parallel).ShouldBe(GroundTruthJson(sequential));
    }

    [Fact]
    public void Run_DifferentSeeds_DifferentLogs()
    {
        // Given two seeds, when both simulate, then the logs differ
        Fingerprint(Simulate(300, 1).Log).ShouldNotBe(Fingerprint(Simulate(300, 2).Log));
    }

    [Fact]
    public void Run_Customers_OneCasePerCustomerWithSegmentsAndMoney()
    {
        // Given a simulation of 1,000 customers
        var log = Simulate(1000, 3).Log;

        // Then every customer is a case with its segment attributes, and orders carry money
        log.CaseCount.ShouldBe(1000);
        foreach (var name in new[] { "segment", "customer_type", "persona", "region", "device", "acquisition_channel", "acquisition_cost", "product_line", "orders", "churned", "revenue" })
        {
            var column = log.FindCaseAttribute(name).ShouldNotBeNull(name);
            Enumerable.Range(0, log.CaseCount).All(c => column.GetValue(c) is not null).ShouldBeTrue(name);
        }

        ((StringColumn)log.FindCaseAttribute("segment")!).GetString(0).ShouldBeOneOf("new", "returning");
        var value = log.FindEventAttribute(Simulator.OrderValueAttribute).ShouldNotBeNull();
        var place = log.ActivityNames.ToList().IndexOf(RetailActivities.PlaceOrder);
        for (var e = 0; e < log.EventCount; e++)
        {
            (value.GetValue(e) is { } v && v.AsDouble() > 0).ShouldBe(log.Activities[e] == place);
        }

        log.Channel.ShouldNotBeNull();
        log.Resource.ShouldNotBeNull();
        Enumerable.Range(0, log.EventCount).Select(e => log.Channel.GetString(e)).Distinct().Order()
            .ShouldBe(["app", "chat", "email", "phone", "social", "store", "web"]);
    }

    [Fact]
    public void Run_Surveys_ScoresInRangeWithComments()
    {
        // Given a simulation
        var log = Simulate(1500, 5).Log;
        var score = log.FindEventAttribute(Simulator.ScoreAttribute).ShouldNotBeNull();
        var comment = (StringColumn)log.FindEventAttribute(Simulator.CommentAttribute)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Then NPS is 0..10, CSAT 1..5, CES 1..7, each with a comment, and nothing else has a score
        for (var e = 0; e < log.EventCount; e++)
        {
            var activity = log.ActivityNames[log.Activities[e]];
            var (min, max) = activity switch
            {
                RetailActivities.NpsSurvey => (0, 10),
                RetailActivities.CsatSurvey => (1, 5),
                RetailActivities.CesSurvey => (1, 7),
                _ => (-1, -1),
            };
            if (min < 0)
            {
                score.GetValue(e).ShouldBeNull();
                continue;
            }

            seen.Add(activity);
            score.GetValue(e).ShouldNotBeNull().AsLong().ShouldBeInRange(min, max);
            comment.GetString(e).ShouldNotBeNullOrWhiteSpace();
        }

        seen.Count.ShouldBe(3);
    }

    [Fact]
    public void Run_EveryActivity_MatchedByATouchpointExceptTheDriftStep()
    {
        // Given the built-in journey and a simulation with every problem on
        var journey = RetailJourney.Create();
        var log = Simulate(1500, 9).Log;
        var mapped = journey.Touchpoints.SelectMany(t => t.Rule.Activities).ToHashSet(StringComparer.Ordinal);

        // Then every simulated activity is a touchpoint's, except the drift's new step (an unexpected step by design)
        log.ActivityNames.Where(a => !mapped.Contains(a)).ShouldBe([Scenario.Default.Problems.DriftActivity]);
    }

    [Fact]
    public void Run_Objects_OrdersAndTicketsRelatedToEvents()
    {
        // Given a simulation
        var result = Simulate(500, 8);

        // When its object-centric view is built
        var objects = result.Objects;

        // Then every event is related to its customer, orders and tickets are objects related to their events
        objects.Events.Count.ShouldBe(result.Log.EventCount);
        objects.Objects.Count(o => o.Type == "customer").ShouldBe(500);
        var orders = objects.Objects.Where(o => o.Type == "order").Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        orders.ShouldNotBeEmpty();
        objects.Objects.ShouldContain(o => o.Type == "ticket");
        objects.EventObjects.Where(r => r.Qualifier == "order").All(r => orders.Contains(r.ObjectId)).ShouldBeTrue();
        objects.EventObjects.Count(r => r.Qualifier == "customer").ShouldBe(result.Log.EventCount);
    }

    [Fact]
    public void Run_Progress_ReportsUpToAllCustomers()
    {
        // Given a progress receiver
        var reports = new List<SimulationProgress>();
        var progress = new SynchronousProgress(reports.Add);

        // When 2,100 customers are simulated
        var log = Simulate(2100, 4, progress: progress).Log;

        // Then progress ends at all customers and every event
        reports.ShouldNotBeEmpty();
        reports[^1].ShouldBe(new SimulationProgress(2100, 2100, log.EventCount));
    }

    [Fact]
    public void Run_InvalidScenario_ThrowsNamingEveryKnob()
    {
        // Given a scenario with two invalid knobs
        var scenario = Scenario.Default with { Months = 0, Touchpoints = new Dictionary<string, TouchpointKnobs> { ["checkout"] = new() { Skip = 2 } } };

        // When it is simulated, then the error names both
        var error = Should.Throw<ArgumentException>(() => Simulator.Run(RetailJourney.Create(), scenario));
        error.Message.ShouldContain("months must be between 1 and 120 (was 0)");
        error.Message.ShouldContain("touchpoints.checkout.skip must be between 0 and 1 (was 2)");
    }

    [Fact]
    public void GroundTruth_WriteJson_CamelCaseKeys()
    {
        // Given a run with every problem on
        var result = Simulate(400, 6);

        // When its ground truth is written as JSON
        using var document = System.Text.Json.JsonDocument.Parse(GroundTruthJson(result));

        // Then every key is camelCase, and the affected cases are listed with their count
        var problem = document.RootElement.GetProperty("problems")[0];
        problem.GetProperty("affectedCaseCount").GetInt32().ShouldBe(problem.GetProperty("affectedCases").GetArrayLength());
        problem.GetProperty("kpiEffects").GetArrayLength().ShouldBeGreaterThan(0);
        Keys(document.RootElement).Where(k => k.Contains('_', StringComparison.Ordinal) || char.IsUpper(k[0])).ShouldBeEmpty();
    }

    [Fact]
    public void WorkCalendar_AddWorkingHours_SkipsNightsAndWeekends()
    {
        // Given working hours 08:00-18:00, Monday to Friday
        var calendar = new WorkCalendar(8, 18);
        var fridayFive = new DateTime(2025, 1, 10, 17, 0, 0, DateTimeKind.Utc).Ticks;

        // When 3 working hours are added on Friday at 17:00
        var done = new DateTime(calendar.AddWorkingHours(fridayFive, 3), DateTimeKind.Utc);

        // Then the work ends on Monday at 10:00
        done.ShouldBe(new DateTime(2025, 1, 13, 10, 0, 0, DateTimeKind.Utc));
        WorkCalendar.DayOf(done.Ticks).ShouldBe(DayOfWeek.Monday);
    }

    private static IEnumerable<string> Keys(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Keys(p.Value).Prepend(p.Name)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Keys),
        _ => [],
    };

    private static string GroundTruthJson(SimulationResult result)
    {
        using var stream = new MemoryStream();
        result.GroundTruth.WriteJson(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Fingerprint(EventLog log)
    {
        var hash = new HashCode();
        for (var e = 0; e < log.EventCount; e++)
        {
            hash.Add(log.ActivityNames[log.Activities[e]]);
            hash.Add(log.Timestamps[e]);
            hash.Add(log.Resource?.GetString(e));
            hash.Add(log.Channel?.GetString(e));
            foreach (var column in log.EventAttributes)
            {
                hash.Add(column.GetValue(e)?.ToString());
            }
        }

        for (var c = 0; c < log.CaseCount; c++)
        {
            hash.Add(log.CaseIds[c]);
            hash.Add(log.CaseStart(c));
            foreach (var column in log.CaseAttributes)
            {
                hash.Add(column.GetValue(c)?.ToString());
            }
        }

        return $"{log.CaseCount}/{log.EventCount}/{hash.ToHashCode()}";
    }

    private sealed class SynchronousProgress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }
}
