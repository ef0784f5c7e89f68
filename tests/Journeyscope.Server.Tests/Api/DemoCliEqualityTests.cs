using System.Text.Json;
using Journeyscope.Storage;

namespace Journeyscope.Server.Tests.Api;

/// <summary>The KPI and VoC endpoints give the numbers of <c>journeyscope kpi</c> and <c>journeyscope voc</c> on the demo workspace.</summary>
public sealed class DemoCliEqualityTests(DemoServerFixture server) : IClassFixture<DemoServerFixture>, IAsyncLifetime
{
    private const string Api = "/api/v1/workspaces/demo";

    private readonly string _cliWorkspace = Path.Combine(Path.GetTempPath(), "journeyscope-kpiweb-cli-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Journey => Path.Combine(_cliWorkspace, "journeys", "retail.yaml");

    public async ValueTask InitializeAsync() =>
        // The same demo (fixed seed) in a folder of its own: the server holds its own workspace database open.
        await DemoWorkspace.EnsureAsync(_cliWorkspace, Token);

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_cliWorkspace, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task GetKpis_DemoPerMonth_EqualsTheCliKpiCommand()
    {
        // Given the demo workspace served and the same demo for the CLI
        using var client = server.CreateClient();

        // When the KPIs are read per month from both
        var api = await Problem.JsonAsync(await client.GetAsync($"{Api}/journeys/retail/kpis?period=month", Token));
        using var cli = JsonDocument.Parse(CliRunner.Json("kpi", "--workspace", _cliWorkspace, "--journey", Journey, "--period", "month", "--format", "json"));

        // Then every KPI has the same value, status and sample size overall and in every month
        var apiKpis = api.GetProperty("kpis").EnumerateArray().ToList();
        var cliKpis = cli.RootElement.GetProperty("kpis").EnumerateArray().ToList();
        apiKpis.Count.ShouldBe(cliKpis.Count);
        apiKpis.Count.ShouldBeGreaterThan(5);
        api.GetProperty("cases").GetInt32().ShouldBe(cli.RootElement.GetProperty("cases").GetInt32());
        for (var i = 0; i < apiKpis.Count; i++)
        {
            var (a, c) = (apiKpis[i], cliKpis[i]);
            var id = c.GetProperty("id").GetString()!;
            a.GetProperty("id").GetString().ShouldBe(id);
            a.GetProperty("target").GetString().ShouldBe(c.GetProperty("target").GetString(), id);
            SameValue(a, c, id);
            var trend = a.GetProperty("trend").EnumerateArray().ToList();
            var series = c.GetProperty("series").EnumerateArray().ToList();
            trend.Count.ShouldBe(series.Count, id);
            trend.Count.ShouldBeGreaterThan(1, id);
            for (var p = 0; p < trend.Count; p++)
            {
                trend[p].GetProperty("label").GetString().ShouldBe(series[p].GetProperty("period").GetString(), id);
                SameValue(trend[p], series[p], id + " " + trend[p].GetProperty("label").GetString());
            }
        }
    }

    [Fact]
    public async Task GetKpis_DemoByChannel_EqualsTheCliKpiCommand()
    {
        using var client = server.CreateClient();

        // When the KPIs are broken down by channel in both
        var api = await Problem.JsonAsync(await client.GetAsync($"{Api}/journeys/retail/kpis?period=none&by=channel", Token));
        using var cli = JsonDocument.Parse(CliRunner.Json("kpi", "--workspace", _cliWorkspace, "--journey", Journey, "--by", "channel", "--format", "json"));

        // Then every segment of every KPI agrees
        var cliKpis = cli.RootElement.GetProperty("kpis").EnumerateArray().ToList();
        var compared = 0;
        foreach (var (a, c) in api.GetProperty("kpis").EnumerateArray().Zip(cliKpis))
        {
            var segments = a.GetProperty("segments").EnumerateArray().ToList();
            var series = c.GetProperty("series").EnumerateArray().ToList();
            segments.Select(s => s.GetProperty("segment").GetString()).ShouldBe(series.Select(s => s.GetProperty("segment").GetString()));
            foreach (var (s, v) in segments.Zip(series))
            {
                SameValue(s, v, c.GetProperty("id").GetString() + " " + s.GetProperty("segment").GetString());
                compared++;
            }
        }

        compared.ShouldBeGreaterThan(cliKpis.Count);
    }

    [Fact]
    public async Task GetKpiTree_Demo_EqualsTheCliKpiTree()
    {
        using var client = server.CreateClient();

        // When the KPI tree is read from both
        var api = await Problem.JsonAsync(await client.GetAsync($"{Api}/journeys/retail/kpis/tree", Token));
        using var cli = JsonDocument.Parse(CliRunner.Json("kpi", "--workspace", _cliWorkspace, "--journey", Journey, "--tree", "--format", "json"));

        // Then every link has the same groups, difference and interval (the bootstrap is seeded)
        var links = api.GetProperty("links").EnumerateArray().ToList();
        var tree = cli.RootElement.GetProperty("tree").EnumerateArray().ToList();
        links.Count.ShouldBe(tree.Count);
        links.Count.ShouldBeGreaterThan(2);
        foreach (var (a, c) in links.Zip(tree))
        {
            a.GetProperty("kpi").GetString().ShouldBe(c.GetProperty("kpi").GetString());
            a.GetProperty("driver").GetString().ShouldBe(c.GetProperty("driver").GetString());
            a.GetProperty("split").GetString().ShouldBe(c.GetProperty("split").GetString());
            a.GetProperty("onTargetCases").GetInt32().ShouldBe(c.GetProperty("onTargetCases").GetInt32());
            a.GetProperty("offTargetCases").GetInt32().ShouldBe(c.GetProperty("offTargetCases").GetInt32());
            foreach (var key in new[] { "onTarget", "offTarget", "difference", "lower", "upper" })
            {
                Number(a.GetProperty(key)).ShouldBe(Number(c.GetProperty(key)), key);
            }

            a.GetProperty("significant").GetBoolean().ShouldBe(c.GetProperty("significant").GetBoolean());
        }
    }

    [Fact]
    public async Task GetVoc_Demo_EqualsTheCliVocCommand()
    {
        using var client = server.CreateClient();

        // When the voice of the customer is read from both
        var api = await Problem.JsonAsync(await client.GetAsync($"{Api}/voc?top=10", Token));
        using var cli = JsonDocument.Parse(CliRunner.Json("voc", "--workspace", _cliWorkspace, "--top", "10", "--format", "json"));

        // Then surveys, sentiment and moments agree
        var root = cli.RootElement;
        api.GetProperty("surveyedCases").GetInt32().ShouldBe(root.GetProperty("surveyedCases").GetInt32());
        api.GetProperty("unhappyCases").GetInt32().ShouldBe(root.GetProperty("unhappyCases").GetInt32());
        var surveys = api.GetProperty("surveys").EnumerateArray().ToList();
        surveys.Count.ShouldBe(3);
        foreach (var (a, c) in surveys.Zip(root.GetProperty("surveys").EnumerateArray()))
        {
            a.GetProperty("survey").GetString().ShouldBe(c.GetProperty("survey").GetString());
            a.GetProperty("scale").GetString().ShouldBe(c.GetProperty("scale").GetString());
            a.GetProperty("answers").GetInt32().ShouldBe(c.GetProperty("answers").GetInt32());
            a.GetProperty("score").GetDouble().ShouldBe(c.GetProperty("score").GetDouble());
            (a.GetProperty("positive").GetInt32(), a.GetProperty("middle").GetInt32(), a.GetProperty("negative").GetInt32())
                .ShouldBe((c.GetProperty("positive").GetInt32(), c.GetProperty("middle").GetInt32(), c.GetProperty("negative").GetInt32()));
        }

        var sentiment = root.GetProperty("sentiment");
        foreach (var key in new[] { "comments", "positive", "neutral", "negative" })
        {
            api.GetProperty("sentiment").GetProperty(key).GetInt32().ShouldBe(sentiment.GetProperty(key).GetInt32(), key);
        }

        var moments = api.GetProperty("moments").EnumerateArray().ToList();
        moments.Select(m => m.GetProperty("kind").GetString() + ":" + m.GetProperty("name").GetString())
            .ShouldBe(root.GetProperty("moments").EnumerateArray().Select(m => m.GetProperty("kind").GetString() + ":" + m.GetProperty("name").GetString()));
        foreach (var (a, c) in moments.Zip(root.GetProperty("moments").EnumerateArray()))
        {
            a.GetProperty("difference").GetDouble().ShouldBe(c.GetProperty("difference").GetDouble());
            a.GetProperty("lower").GetDouble().ShouldBe(c.GetProperty("lower").GetDouble());
        }
    }

    private static void SameValue(JsonElement api, JsonElement cli, string what)
    {
        Number(api.GetProperty("value")).ShouldBe(Number(cli.GetProperty("value")), what);
        api.GetProperty("sampleSize").GetInt32().ShouldBe(cli.GetProperty("sampleSize").GetInt32(), what);
        var status = cli.GetProperty("status").GetString() switch
        {
            "no data" => "noData",
            "no target" => "noTarget",
            var s => s,
        };
        api.GetProperty("status").GetString().ShouldBe(status, what);
    }

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}
