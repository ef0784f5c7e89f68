using Journeyscope.Agenda;
using Journeyscope.Simulation;

namespace Journeyscope.Core.Tests.Agenda;

/// <summary>
/// The acceptance on simulated ground truth: each injected problem is among the top 5 opportunities, in the right
/// touchpoint and segment, with customers affected within 25 % of the ground truth; also with the problems moved to other
/// segments, so that nothing relies on the demo's names.
/// </summary>
public sealed class AgendaSimulationTests
{
    private const int Customers = 3000;
    private static readonly string[] By = ["device", "product_line", "customer_type"];

    public static TheoryData<string, bool> Problems() => new()
    {
        { "payment-retries", false }, { "monday-backlog", false }, { "double-escalation", false }, { "skipped-onboarding", false }, { "drift", false },
        { "payment-retries", true }, { "double-escalation", true }, { "skipped-onboarding", true }, { "drift", true },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Compute_OneInjectedProblem_AmongTheTopFiveInItsTouchpointAndSegment(string kind, bool moved)
    {
        // Given a simulation with only this problem (in the demo's segment, or moved to another one)
        var problems = Problem(kind, moved);
        var (agenda, truth) = Run(problems);

        // When the opportunity that stands for it is looked up
        var problem = truth.Problems.ShouldHaveSingleItem();
        var match = agenda.Opportunities.FirstOrDefault(o => Matches(o, problem, problems));

        // Then it is in the top 5, with customers affected within 25 % of the truth
        match.ShouldNotBeNull(Describe(agenda));
        match.Rank.ShouldBeLessThanOrEqualTo(5, Describe(agenda));
        match.CustomersAffected.ShouldBeInRange((int)(problem.AffectedCases.Count * 0.75), (int)Math.Ceiling(problem.AffectedCases.Count * 1.25), Describe(agenda));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_PaymentRetriesOnOneDevice_ItsOpportunityNamesThatDeviceAsRootCause(bool moved)
    {
        // Given payment retries on one device (the demo's, or moved to another)
        var problems = Problem("payment-retries", moved);
        var (agenda, truth) = Run(problems);

        // When the opportunity that stands for it is read
        var match = agenda.Opportunities.First(o => Matches(o, truth.Problems.ShouldHaveSingleItem(), problems));

        // Then its root causes name that device, with an interval above zero
        match.RootCauses.ShouldNotBeEmpty(Describe(agenda));
        var device = match.RootCauses.FirstOrDefault(f => f.Attribute == "device" && f.Value == problems.PaymentRetriesDevice);
        device.ShouldNotBeNull(string.Join("; ", match.RootCauses.Select(f => f.Title)));
        device.Low.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, false)]
    [InlineData(13, false)]
    [InlineData(11, true)]
    [InlineData(12, true)]
    [InlineData(13, true)]
    public void Compute_EveryProblemTogether_EachInTheTopFiveInItsTouchpointAndSegment(int seed, bool moved)
    {
        // Given every problem at once (in the demo's segments, or moved to others: device, product line, customer type, drift
        // step and date)
        var problems = AllProblems(moved);
        var (agenda, truth) = Run(problems, top: 30, seed: seed);

        // When the opportunity that stands for each injected problem is looked up
        foreach (var problem in truth.Problems)
        {
            var match = agenda.Opportunities.FirstOrDefault(o => Matches(o, problem, problems));

            // Then it is found in its touchpoint and segment, with a measured harm, among the top 5 of the whole agenda (nothing
            // set aside), with its customers within 25 % of the ground truth
            match.ShouldNotBeNull($"{problem.Kind}\n{Describe(agenda)}");
            match.Score.ShouldBeGreaterThan(0, $"{problem.Kind}\n{Describe(agenda)}");
            match.Rank.ShouldBeLessThanOrEqualTo(5, $"{problem.Kind}\n{Describe(agenda)}");
            match.CustomersAffected.ShouldBeInRange((int)(problem.AffectedCases.Count * 0.75), (int)Math.Ceiling(problem.AffectedCases.Count * 1.25), problem.Kind);
        }
    }

    [Fact]
    public void Compute_NoProblem_NoSegmentOpportunityAtAProblemTouchpointWithAnAdjustedEffect()
    {
        // Given the same customers without any injected problem
        var (agenda, _) = Run(InjectedProblems.None, top: 50);

        // When the segment opportunities at the problems' touchpoints are read (the simulator's natural payment failures,
        // 3 % of every device, are a real effect on CES with the same mechanism, but not concentrated in a segment)
        var suspects = agenda.Opportunities.Where(o => o.Segment is not null && o.Touchpoint is "pay" or "escalate" or "onboarding-email").ToList();

        // Then none has an adjusted interval that excludes zero after the multiple-testing control
        suspects.SelectMany(o => o.Effects).Where(e => e.Basis == "adjusted" && e.Significant).ShouldBeEmpty(Describe(agenda));
    }

    [Fact]
    public void Compute_SameInputTwice_SameRecord()
    {
        // Given one simulated log, When the agenda is computed twice
        var (first, _) = Run(new InjectedProblems { PaymentRetries = true });
        var (second, _) = Run(new InjectedProblems { PaymentRetries = true });

        // Then both records serialise to the same bytes (seeded bootstrap, no order dependence)
        System.Text.Json.JsonSerializer.Serialize(first, Journeyscope.Results.ResultJson.Options)
            .ShouldBe(System.Text.Json.JsonSerializer.Serialize(second, Journeyscope.Results.ResultJson.Options));
    }

    internal static InjectedProblems Problem(string kind, bool moved) => kind switch
    {
        "payment-retries" => new InjectedProblems { PaymentRetries = true, PaymentRetriesDevice = moved ? "mobile-web" : "android-app" },
        "monday-backlog" => new InjectedProblems { MondayBacklog = true },
        "double-escalation" => new InjectedProblems { DoubleEscalation = true, DoubleEscalationProductLine = moved ? "fashion" : "electronics" },
        "skipped-onboarding" => new InjectedProblems { SkippedOnboarding = true, SkippedOnboardingCustomerType = moved ? "B2C" : "B2B" },
        _ => new InjectedProblems { Drift = true, DriftActivity = moved ? "Confirm stock" : "Verify address", DriftAt = moved ? 0.3 : 0.5 },
    };

    /// <summary>Every problem, in the demo's segments or each moved to another one.</summary>
    internal static InjectedProblems AllProblems(bool moved) => InjectedProblems.All with
    {
        PaymentRetriesDevice = Problem("payment-retries", moved).PaymentRetriesDevice,
        DoubleEscalationProductLine = Problem("double-escalation", moved).DoubleEscalationProductLine,
        SkippedOnboardingCustomerType = Problem("skipped-onboarding", moved).SkippedOnboardingCustomerType,
        DriftActivity = Problem("drift", moved).DriftActivity,
        DriftAt = Problem("drift", moved).DriftAt,
    };

    private static (AgendaResult Agenda, GroundTruth Truth) Run(InjectedProblems problems, int top = 10, int seed = 11)
    {
        var journey = RetailJourney.Create();
        var scenario = Scenario.Default with { Months = 4, Problems = problems };
        var run = Simulator.Run(journey, scenario, new SimulationOptions { Customers = Customers, Seed = seed }, TestContext.Current.CancellationToken);
        var options = new AgendaOptions { AdjustFor = By, Top = top, Bootstrap = new Journeyscope.Statistics.BootstrapOptions { Replicates = 400 } };
        return (AgendaAnalysis.Compute(run.Log, journey, 0, options, TestContext.Current.CancellationToken), run.GroundTruth);
    }

    /// <summary>The opportunity that stands for an injected problem: its touchpoint and, where the problem has one, its segment.</summary>
    private static bool Matches(AgendaOpportunity o, GroundTruthProblem problem, InjectedProblems p) => problem.Kind switch
    {
        "payment-retries" => o.Touchpoint == "pay" && o.Segment == new AgendaSegment("device", p.PaymentRetriesDevice),
        "monday-backlog" => o.Touchpoint == "ship" && o.Kind == "bottleneck",
        "double-escalation" => o.Touchpoint == "escalate" && o.Segment == new AgendaSegment("product_line", p.DoubleEscalationProductLine),
        "skipped-onboarding" => o.Touchpoint == "onboarding-email" && o.Kind == "skipped" && o.Segment == new AgendaSegment("customer_type", p.SkippedOnboardingCustomerType),
        _ => o.Id == $"inserted:{p.DriftActivity}" || (o.Kind == "bottleneck" && o.Id.Contains(p.DriftActivity, StringComparison.Ordinal)),
    };

    private static string Describe(AgendaResult agenda) =>
        string.Join('\n', agenda.Opportunities.Select(o => $"{o.Rank} {o.Id} n={o.CustomersAffected} score={o.Score:0.0}"));
}
