using Journeyscope.Journeys;
using Journeyscope.Kpis;
using static Journeyscope.Core.Tests.Kpis.KpiTestLogs;

namespace Journeyscope.Core.Tests.Kpis;

/// <summary><c>touchpoint(id)</c> and <c>stage(id)</c> in KPI expressions, and the names an expression uses checked against the journey.</summary>
public sealed class KpiExpressionJourneyTests
{
    [Theory]
    [InlineData("count(cases where touchpoint(deliver)) / count(cases)", 1.0)]
    [InlineData("count(events where touchpoint(buy))", 4.0)]
    [InlineData("count(events where stage(fulfilment))", 4.0)]
    [InlineData("count(events where not stage(purchase) and not touchpoint(deliver))", 3.0)]
    [InlineData("count(cases where touchpoint(deliver) and event.score >= 8)", 2.0)]
    [InlineData("count(cases where stage(service))", 0.0)]
    [InlineData("count(events where touchpoint == deliver)", 4.0)]
    public void Evaluate_TouchpointOrStageCondition_MatchesHandComputedValue(string text, double expected)
    {
        // Given four orders (purchase, delivery, three with a survey) and a journey: buy = Purchase, deliver = Deliv.*
        var log = Orders([1, 2, 3, 5], [10, 8, 0, null]);

        // When
        var value = KpiExpression.Parse(text).Evaluate(log, Journey());

        // Then touchpoint(x) and stage(x) hold for the events of x; on a case, for any of its events
        value.ShouldNotBeNull().ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Evaluate_TouchpointTheJourneyDoesNotHave_ThrowsWithTheNameAndASuggestion()
    {
        // Given a log and a journey without a touchpoint 'delivr'
        var log = Orders([1], [null]);
        var expression = KpiExpression.Parse("count(cases where touchpoint(delivr))");

        // When it is evaluated
        var error = Should.Throw<KpiExpressionException>(() => expression.Evaluate(log, Journey()));

        // Then the error points at the name and suggests the touchpoint that exists
        error.Position.ShouldBe(29);
        error.Reason.ShouldBe("the journey has no touchpoint 'delivr'");
        error.Suggestion.ShouldBe("deliver");
        error.Message.ShouldStartWith("the journey has no touchpoint 'delivr' (did you mean 'deliver'?) at column 30");
    }

    [Fact]
    public void Check_UnknownTouchpointStageAndTimeTarget_ReportsEachWithPositionAndSuggestion()
    {
        // Given an expression naming a mistyped touchpoint, stage and time target, and a has() of a plain activity
        var expression = KpiExpression.Parse(
            "count(cases where touchpoint(biy) or stage(fulfillment) or time_target_breached(deliver-3day) or has(Purchase))");

        // When it is checked against the journey
        var problems = expression.Check(Journey(new TimeTarget("deliver-3d", "Deliver in 3 days", "buy", "deliver", TimeSpan.FromDays(3))));

        // Then each unknown name is reported where it is written; has() may name an activity, so it is not a problem
        problems.Select(p => (p.Position, p.Reason, p.Suggestion)).ShouldBe(
        [
            (29, "the journey has no touchpoint 'biy'", "buy"),
            (43, "the journey has no stage 'fulfillment'", "fulfilment"),
            (80, "the journey has no time target 'deliver-3day'", "deliver-3d"),
        ]);
        expression.References.Select(r => r.Kind).ShouldBe(
        [
            KpiExpressionReferenceKind.Touchpoint, KpiExpressionReferenceKind.Stage,
            KpiExpressionReferenceKind.TimeTarget, KpiExpressionReferenceKind.EventName,
        ]);
    }

    [Theory]
    [InlineData("cuont(cases)", 0, "unknown function 'cuont'", "count")]
    [InlineData("count(cases where hsa(Deliver))", 18, "unknown condition function 'hsa'", "has")]
    [InlineData("count(cases where activty == Deliver)", 18, "unknown condition subject 'activty'", "activity")]
    [InlineData("median(duration)", 0, "unknown function 'median'", null)]
    public void Parse_MistypedFunctionOrSubject_SuggestsTheClosestKnownOne(string text, int position, string reason, string? suggestion)
    {
        var error = Should.Throw<KpiExpressionException>(() => KpiExpression.Parse(text));

        error.Position.ShouldBe(position);
        error.Reason.ShouldStartWith(reason);
        error.Suggestion.ShouldBe(suggestion);
    }

    [Fact]
    public void Compute_CustomKpiWithUnknownStage_FailsBeforeComputingWithTheKpiAndTheSuggestion()
    {
        // Given a custom KPI naming a stage the journey does not have
        var log = Orders([1, 2], [10, null]);
        JourneyKpi[] kpis = [Kpi("late", KpiCatalogue.Custom, expression: "count(cases where stage(fullfilment)) / count(cases)")];

        // When the KPIs are computed
        var error = Should.Throw<KpiException>(() => KpiEngine.Compute(log, kpis, Journey(), null, TestContext.Current.CancellationToken));

        // Then the engine reports it up front, with the KPI and the suggestion
        error.Message.ShouldContain("late");
        error.Message.ShouldContain("the journey has no stage 'fullfilment' (did you mean 'fulfilment'?) at column 25");
    }

    private static DesignedJourney Journey(params TimeTarget[] targets) => new(
        "shop", "Shop", null, null, [], DesignedJourney.DefaultStages,
        [
            new Touchpoint("buy", "Buy", "purchase", BlueprintLane.CustomerAction, "web", null, new TouchpointRule(["Purchase"], null, [])),
            new Touchpoint("deliver", "Deliver", "fulfilment", BlueprintLane.PhysicalEvidence, null, null, new TouchpointRule([], "Deliv.*", [])),
        ],
        null, [], [], targets);
}
