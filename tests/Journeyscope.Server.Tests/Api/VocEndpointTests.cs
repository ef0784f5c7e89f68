using System.Net;
using System.Net.Http.Json;

namespace Journeyscope.Server.Tests.Api;

public sealed class VocEndpointTests(OrdersServerFixture server) : IClassFixture<OrdersServerFixture>
{
    private const string Voc = "/api/v1/workspaces/orders/voc";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetVoc_Orders_SummarisesNpsSentimentCommentsAndTheLateDeliveryMoment()
    {
        // Given 25 promoters writing "great" and 15 detractors writing "terrible service" after a 5-day delivery
        using var client = server.CreateClient();

        // When the voice of the customer is read with the shop journey
        var json = await Problem.JsonAsync(await client.GetAsync(Voc + "?journey=shop", Token));

        // Then the NPS survey has 25 promoters, 0 passives, 15 detractors: NPS 25
        json.GetProperty("journey").GetString().ShouldBe("shop");
        json.GetProperty("surveyedCases").GetInt32().ShouldBe(40);
        json.GetProperty("unhappyCases").GetInt32().ShouldBe(15);
        var survey = json.GetProperty("surveys").EnumerateArray().Single();
        survey.GetProperty("survey").GetString().ShouldBe("NPS survey");
        survey.GetProperty("scale").GetString().ShouldBe("nps");
        survey.GetProperty("answers").GetInt32().ShouldBe(40);
        (survey.GetProperty("positive").GetInt32(), survey.GetProperty("middle").GetInt32(), survey.GetProperty("negative").GetInt32()).ShouldBe((25, 0, 15));
        survey.GetProperty("score").GetDouble().ShouldBe(25.0, 1e-9);
        survey.GetProperty("formattedScore").GetString().ShouldBe("25.0");

        // And the comments are 25 positive and 15 negative, with one example text each
        var sentiment = json.GetProperty("sentiment");
        (sentiment.GetProperty("comments").GetInt32(), sentiment.GetProperty("positive").GetInt32(), sentiment.GetProperty("negative").GetInt32()).ShouldBe((40, 25, 15));
        var negative = json.GetProperty("negativeComments").EnumerateArray().Single();
        negative.GetProperty("text").GetString().ShouldBe("terrible service");
        negative.GetProperty("occurrences").GetInt32().ShouldBe(15);
        negative.GetProperty("caseId").GetString().ShouldBe("o11");
        negative.GetProperty("score").GetDouble().ShouldBeLessThan(0);
        var positive = json.GetProperty("positiveComments").EnumerateArray().Single();
        positive.GetProperty("text").GetString().ShouldBe("great");
        positive.GetProperty("caseId").GetString().ShouldBe("o0");

        // And the long wait before delivery is the moment that matters: every late case unhappy, no on-time case
        var moment = json.GetProperty("moments")[0];
        moment.GetProperty("kind").GetString().ShouldBe("wait");
        moment.GetProperty("name").GetString().ShouldBe("Deliver");
        moment.GetProperty("casesWith").GetInt32().ShouldBe(15);
        moment.GetProperty("unhappyWith").GetDouble().ShouldBe(1.0);
        moment.GetProperty("unhappyWithout").GetDouble().ShouldBe(0.0);
        moment.GetProperty("lift").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        moment.GetProperty("significant").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task GetVoc_NoSurveyEvents_ReturnsEmptySummaries()
    {
        // Given a filter that drops every survey event
        using var client = server.CreateClient();

        // When the voice of the customer is read
        var json = await Problem.JsonAsync(await client.GetAsync(Voc + "?examples=0&filter=" + Uri.EscapeDataString("activity not in (NPS survey)"), Token));

        // Then there are no surveys, no comments and no examples, and nothing failed
        json.GetProperty("surveys").GetArrayLength().ShouldBe(0);
        json.GetProperty("sentiment").GetProperty("comments").GetInt32().ShouldBe(0);
        json.GetProperty("negativeComments").GetArrayLength().ShouldBe(0);
        json.GetProperty("surveyedCases").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task GetVoc_WorkspaceWithoutSurveyAttributes_AnswersEmptyWithNotes()
    {
        // Given a workspace whose events have neither a score nor a comment attribute
        using var client = server.CreateClient();
        using (var created = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = "nosurvey" }, Token))
        {
            created.EnsureSuccessStatusCode();
        }

        using (var imported = await client.PostAsync("/api/v1/workspaces/nosurvey/imports", ServerFixture.Upload(ServerFixture.ShopCsv, "shop.csv"), Token))
        {
            imported.EnsureSuccessStatusCode();
        }

        // When
        var json = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/nosurvey/voc", Token));

        // Then nothing is measured, and two notes say which parameters name the attributes
        json.GetProperty("surveys").GetArrayLength().ShouldBe(0);
        json.GetProperty("moments").GetArrayLength().ShouldBe(0);
        var notes = json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        notes.Count.ShouldBe(2);
        notes[0]!.ShouldContain("scoreAttribute");
        notes[1]!.ShouldContain("commentAttribute");
    }

    [Theory]
    [InlineData("?journey=missing", HttpStatusCode.NotFound, "'missing'")]
    [InlineData("?scoreAttribute=rating", HttpStatusCode.BadRequest, "score")]
    [InlineData("?commentAttribute=text", HttpStatusCode.BadRequest, "comment")]
    [InlineData("?top=0", HttpStatusCode.BadRequest, "top")]
    [InlineData("?examples=-1", HttpStatusCode.BadRequest, "examples")]
    [InlineData("?filter=case.", HttpStatusCode.BadRequest, "filter")]
    public async Task GetVoc_BadParameter_ReturnsProblemNamingTheFix(string query, HttpStatusCode status, string hint)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(Voc + query, Token);
        (await Problem.ReadAsync(response, status)).GetProperty("detail").GetString()!.ShouldContain(hint);
    }
}
