using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Journeyscope.Server.Tests.Api;

/// <summary>GET /report: the HTML report of the demo, whose embedded figures are the API's own JSON.</summary>
public sealed partial class ReportEndpointTests(DemoServerFixture server) : IClassFixture<DemoServerFixture>
{
    private const string Api = "/api/v1/workspaces/demo";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetReport_Demo_EverySectionWithTheApisFigures()
    {
        // Given the demo workspace, when the report is downloaded with both sliders moved
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"{Api}/report?activities=0.6&paths=0.4", Token);

        // Then it is an HTML download with every section of the issue
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("journeyscope-report-demo.html");
        var html = await response.Content.ReadAsStringAsync(Token);
        foreach (var section in new[] { "kpis", "conformance", "process-map", "variants", "value-stream", "funnel", "voc" })
        {
            html.ShouldContain($"<section id=\"{section}\">");
        }

        // And each section's figures are what the matching endpoint answers
        var data = JsonNode.Parse(DataBlock().Match(html).Groups[1].Value)!;
        await SameAsync(client, data["summary"], $"{Api}/summary");
        await SameAsync(client, data["processMap"], $"{Api}/process-map?activities=0.6&paths=0.4");
        await SameAsync(client, data["variants"], $"{Api}/variants");
        await SameAsync(client, data["kpis"], $"{Api}/journeys/retail/kpis");
        await SameAsync(client, data["conformance"], $"{Api}/journeys/retail/conformance");
        var steps = data["funnel"]!["steps"]!.AsArray().Select(s => s!["label"]!.GetValue<string>()).ToList();
        using var funnel = await client.PostAsJsonAsync($"{Api}/funnels", new { steps = steps.Select(s => new { activities = new[] { s } }) }, Token);
        var funnelJson = JsonNode.Parse(await funnel.Content.ReadAsStringAsync(Token))!;
        Same(data["funnel"], funnelJson);
        await SameAsync(client, data["valueStream"], $"{Api}/performance?journey=retail");
        await SameAsync(client, data["voc"], $"{Api}/voc?journey=retail");
        data["voc"]!["surveyedCases"]!.GetValue<int>().ShouldBeGreaterThan(0);
        data["processMap"]!["sliders"]!["hiddenActivities"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task GetReport_Demo_AgendaCanvasAndHeatMapAreTheApis()
    {
        // Given the report of the demo
        using var client = server.CreateClient();
        var html = await client.GetStringAsync($"{Api}/report", Token);
        var data = JsonNode.Parse(DataBlock().Match(html).Groups[1].Value)!;

        // Then its agenda and canvas are the API's records
        html.ShouldContain("<section id=\"agenda\">");
        html.ShouldContain("<section id=\"canvas\">");
        await SameAsync(client, data["agenda"], $"{Api}/agenda?journey=retail");
        await SameAsync(client, data["canvas"], $"{Api}/journeys/retail/canvas");

        // And the agenda table's first row shows the API's first opportunity with its customers, and the ranking formula
        var agenda = JsonNode.Parse(await client.GetStringAsync($"{Api}/agenda?journey=retail", Token))!;
        var first = agenda["opportunities"]![0]!;
        var firstRow = AgendaRow().Match(html);
        firstRow.Success.ShouldBeTrue();
        WebUtility.HtmlDecode(firstRow.Groups[1].Value).ShouldBe(first["title"]!.GetValue<string>());
        firstRow.Groups[2].Value.ShouldBe(first["customersAffected"]!.GetValue<int>().ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        html.ShouldContain("Ranking: " + WebUtility.HtmlEncode(agenda["formula"]!.GetValue<string>()));

        // And the heat map's payment row shows the canvas's lowest readiness (data: missing) and each kind's cell
        var canvas = JsonNode.Parse(await client.GetStringAsync($"{Api}/journeys/retail/canvas", Token))!;
        var pay = canvas["capabilities"]!["rows"]!.AsArray().Single(r => r!["touchpoint"]!.GetValue<string>() == "pay")!;
        var cells = pay["cells"]!.AsArray().Select(c => c!["readiness"]?.GetValue<int?>()).ToList();
        var row = HeatRow().Match(html);
        row.Success.ShouldBeTrue();
        var shown = HeatCellReadiness().Matches(row.Value).Select(m => m.Groups[1].Value).ToList();
        shown.ShouldBe([cells.Where(c => c is not null).Min()!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. cells.Select(c => c?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)]);
        shown[0].ShouldBe("1");

        // And every stage has its canvas block, the purchase stage with the workshop's note
        var stages = canvas["stages"]!.AsArray().Count;
        Regex.Count(html, "<div class=\"canvas-stage\"").ShouldBe(stages);
        html.ShouldContain("Payments fail on some devices");
    }

    [Fact]
    public async Task GetReport_Demo_SelfContainedAndPrintable()
    {
        // Given the report of the demo
        using var client = server.CreateClient();
        var html = await client.GetStringAsync($"{Api}/report", Token);

        // Then nothing is loaded from elsewhere, and print styles put each section on its own page without controls
        External().Matches(html).Select(m => m.Value).ShouldBeEmpty();
        html.ShouldContain("window.journeyscope", Case.Sensitive);
        html.ShouldContain("@media print");
        html.ShouldContain("section { break-before: page;");
    }

    [Fact]
    public async Task GetReport_UnknownFunnelStep_Is400WithDidYouMean()
    {
        // Given the demo, when a funnel step names no activity of the log
        using var client = server.CreateClient();
        var first = JsonNode.Parse(await client.GetStringAsync($"{Api}/summary", Token))!["activities"]![0]!["name"]!.GetValue<string>();
        using var response = await client.GetAsync($"{Api}/report?step={Uri.EscapeDataString(first + "x")}", Token);

        // Then it is a 400 naming the closest activity
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain($"Did you mean '{first}'?");
    }

    private static async Task SameAsync(HttpClient client, JsonNode? actual, string url) =>
        Same(actual, JsonNode.Parse(await client.GetStringAsync(url, Token)));

    private static void Same(JsonNode? actual, JsonNode? expected)
    {
        var a = actual?.ToJsonString() ?? "null";
        var e = expected?.ToJsonString() ?? "null";
        JsonNode.DeepEquals(actual, expected).ShouldBeTrue($"report: {a[..Math.Min(600, a.Length)]}\nAPI: {e[..Math.Min(600, e.Length)]}");
    }

    [GeneratedRegex("<table id=\"agenda-table\">.*?<tbody><tr><td>1</td><td>(.*?)</td><td>.*?</td><td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex AgendaRow();

    [GeneratedRegex("<tr data-touchpoint=\"pay\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex HeatRow();

    [GeneratedRegex("<td class=\"heat\" data-readiness=\"([0-9]*)\"")]
    private static partial Regex HeatCellReadiness();

    [GeneratedRegex("<script id=\"journeyscope-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex(@"(?:src|href|srcset|action)\s*=\s*[""']?\s*(?:https?:)?//|url\(\s*[""']?\s*(?:https?:)?//|@import|<link\b|<iframe\b", RegexOptions.IgnoreCase)]
    private static partial Regex External();
}
