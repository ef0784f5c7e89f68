using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Voc;

namespace Journeyscope.Core.Tests.Voc;

public sealed class VocAnalysisTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 60 cases: Order, Ship (twice in the reworked cases), then an NPS survey. Cases 0-19 have the rework and answer 2 (detractor);
    /// cases 20-59 answer 10, except 4 of them who answer 5. Every case also answers a CSAT survey with 4.
    /// </summary>
    private static EventLog Log()
    {
        var builder = new EventLogBuilder();
        var score = builder.GetEventAttributeHandle("score", AttributeType.Long);
        var comment = builder.GetEventAttributeHandle("comment");
        for (var i = 0; i < 60; i++)
        {
            var id = $"c{i}";
            builder.AddEvent(id, "Order", Start.AddHours(i));
            builder.AddEvent(id, "Ship", Start.AddHours(i + 1));
            if (i < 20)
            {
                builder.AddEvent(id, "Ship", Start.AddHours(i + 2));
            }

            var nps = builder.AddEvent(id, "NPS survey", Start.AddHours(i + 3));
            builder.SetEventAttribute(nps, score, AttributeValue.FromLong(i < 20 ? 2 : i < 24 ? 5 : 10));
            builder.SetEventAttribute(nps, comment, i < 20 ? "terrible, shipped twice" : "great service");
            var csat = builder.AddEvent(id, "Rate us", Start.AddHours(i + 4));
            builder.SetEventAttribute(csat, score, AttributeValue.FromLong(4));
        }

        return builder.Build();
    }

    [Fact]
    public void Analyze_Surveys_DetectsScalesAndComputesHeadlines()
    {
        var report = VocAnalysis.Analyze(Log(), cancellationToken: TestContext.Current.CancellationToken);

        var nps = report.Surveys.Single(s => s.Activity == "NPS survey");
        nps.Scale.ShouldBe(SurveyScale.Nps);
        nps.Responses.ShouldBe(60);
        (nps.Positive, nps.Middle, nps.Negative).ShouldBe((36, 0, 24));
        nps.Score.ShouldBe(100.0 * (36 - 24) / 60, 1e-9);

        var csat = report.Surveys.Single(s => s.Activity == "Rate us");
        csat.Scale.ShouldBe(SurveyScale.Csat);
        csat.Score.ShouldBe(1.0);
        report.SurveyedCases.ShouldBe(60);
        report.UnhappyCases.ShouldBe(24);
    }

    [Fact]
    public void Analyze_Comments_CountsSentimentClasses()
    {
        var sentiment = VocAnalysis.Analyze(Log(), cancellationToken: TestContext.Current.CancellationToken).Sentiment;

        sentiment.Comments.ShouldBe(60);
        sentiment.Negative.ShouldBe(20);
        sentiment.Positive.ShouldBe(40);
    }

    [Fact]
    public void Analyze_Rework_IsTheTopMomentThatMatters()
    {
        var moments = VocAnalysis.Analyze(Log(), cancellationToken: TestContext.Current.CancellationToken).Moments;

        var top = moments[0];
        (top.Kind, top.Name).ShouldBe(("rework", "Ship"));
        top.CasesWith.ShouldBe(20);
        top.CasesWithout.ShouldBe(40);
        top.RateWith.ShouldBe(1.0);
        top.RateWithout.ShouldBe(0.1, 1e-12);
        top.Difference.ShouldBe(0.9, 1e-12);
        var half = 1.959963984540054 * Math.Sqrt(0.1 * 0.9 / 40);
        top.Lower.ShouldBe(0.9 - half, 1e-9);

        // Surveys themselves are not moments; every case orders, so Order has no comparison group.
        moments.ShouldNotContain(m => m.Name == "NPS survey" || m.Name == "Order");
    }

    [Fact]
    public void Analyze_SurveyTouchpoint_IsNotAMoment()
    {
        // Given a journey whose touchpoints are a shipping step and the NPS survey, and a log where only some cases
        // answer the NPS (every case answers the CSAT, so all are surveyed)
        var builder = new EventLogBuilder();
        var score = builder.GetEventAttributeHandle("score", AttributeType.Long);
        for (var i = 0; i < 60; i++)
        {
            var id = $"c{i}";
            builder.AddEvent(id, "Ship", Start.AddHours(i));
            if (i % 2 == 0)
            {
                builder.SetEventAttribute(builder.AddEvent(id, "NPS survey", Start.AddHours(i + 1)), score, AttributeValue.FromLong(i < 20 ? 1 : 9));
            }

            builder.SetEventAttribute(builder.AddEvent(id, "Rate us", Start.AddHours(i + 2)), score, AttributeValue.FromLong(i < 20 ? 1 : 5));
        }

        var journey = new DesignedJourney("shop", "Shop", null, null, [], DesignedJourney.DefaultStages,
        [
            new Touchpoint("ship", "Ship", "delivery", BlueprintLane.Backstage, null, null, new TouchpointRule(["Ship"], null, [])),
            new Touchpoint("nps", "NPS", "loyalty", BlueprintLane.CustomerAction, null, null, new TouchpointRule(["NPS survey"], null, [])),
        ], null, [], [], []);

        // When the moments that matter are computed with the journey
        var moments = VocAnalysis.Analyze(builder.Build(), new VocOptions { Journey = journey }, TestContext.Current.CancellationToken).Moments;

        // Then the survey touchpoint, where answers are recorded, is not reported as an experience that explains them
        moments.ShouldNotContain(m => m.Kind == "touchpoint" && m.Name == "nps");
    }

    [Theory]
    [InlineData("How likely to recommend", 0, 10, SurveyScale.Nps)]
    [InlineData("Effort", 1, 7, SurveyScale.Ces)]
    [InlineData("Survey", 1, 5, SurveyScale.Csat)]
    [InlineData("Survey", 1, 7, SurveyScale.Ces)]
    [InlineData("Survey", 0, 10, SurveyScale.Nps)]
    [InlineData("Survey", 0, 100, SurveyScale.Other)]
    public void DetectScale_NameThenRange_PicksScale(string activity, double min, double max, SurveyScale scale) =>
        VocAnalysis.DetectScale(activity, min, max, integers: true).ShouldBe(scale);

    [Theory]
    [InlineData(">= 5.5", ScoreDirection.HigherIsBetter)]
    [InlineData("<= 3", ScoreDirection.LowerIsBetter)]
    [InlineData(null, ScoreDirection.LowerIsBetter)]
    public void VocResult_JourneyWithCesKpiTarget_CarriesTheCesDirection(string? target, ScoreDirection expected)
    {
        // Given a journey whose ces KPI has the target (or no ces KPI at all)
        JourneyKpi[] kpis = target is null ? [] :
            [new JourneyKpi("effort", "Effort", "ces", target, [], [], new Dictionary<string, string> { ["activity"] = "Rate us" }, null, [])];
        var journey = new DesignedJourney("shop", "Shop", null, null, [], DesignedJourney.DefaultStages, [], null, kpis, [], []);

        // When the voice of the customer is analysed with it
        var result = VocResult.Analyze(Log(), 1, new VocOptions { Journey = journey }, cancellationToken: TestContext.Current.CancellationToken);

        // Then the result says which end of CES is good, the one rule the page and the unhappy count use
        result.CesDirection.ShouldBe(expected);
        new VocOptions { Journey = journey }.EffectiveCesDirection.ShouldBe(expected);
    }
}
