using System.Text.Json.Nodes;

namespace Journeyscope.Cli.Tests;

/// <summary>The demo workspace and its report, made once for the class (the demo simulates 3,000 customers).</summary>
public sealed class DemoReportFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public DemoReportFixture()
    {
        Workspace = Path.Combine(_temp.Path, "demo");
        var demo = CliRun.Run("demo", "--workspace", Workspace);
        if (demo.ExitCode != 0)
        {
            throw new InvalidOperationException(demo.Error);
        }

        Report = CliRun.Run("report", "--workspace", Workspace, "--out", Path.Combine(_temp.Path, "report.html"));
        Html = Report.ExitCode == 0 ? File.ReadAllText(Path.Combine(_temp.Path, "report.html")) : "";
    }

    public string Workspace { get; }

    public (int ExitCode, string Output, string Error) Report { get; }

    public string Html { get; }

    public string Journey => Path.Combine(Workspace, "journeys", "retail.yaml");

    public void Dispose() => _temp.Dispose();
}

public sealed class ReportDemoTests(DemoReportFixture demo) : IClassFixture<DemoReportFixture>
{
    [Fact]
    public void Report_Demo_HasEverySectionOfTheIssue()
    {
        // Given the demo workspace (with its retail journey), when the report is made without options
        demo.Report.ExitCode.ShouldBe(0, demo.Report.Error);
        demo.Report.Output.ShouldContain("journey 'retail'");

        // Then it has KPIs, conformance and deviations, funnel and voice of the customer beside the map and variants
        foreach (var section in new[] { "kpis", "conformance", "process-map", "variants", "value-stream", "funnel", "voc" })
        {
            demo.Html.ShouldContain($"<section id=\"{section}\">");
        }

        demo.Html.ShouldContain("<table id=\"kpi-table\">");
        demo.Html.ShouldContain("<table id=\"touchpoint-table\">");
        demo.Html.ShouldContain("<table id=\"pattern-table\">");
        demo.Html.ShouldContain("<table id=\"funnel-table\">");
        demo.Html.ShouldContain("<table id=\"survey-table\">");
        demo.Html.ShouldContain("<table id=\"moment-table\">");
    }

    [Fact]
    public void Report_Demo_FiguresAreTheCommandsJson()
    {
        // Given the report's embedded data
        var data = ReportJson.Data(demo.Html);

        // When the matching commands run on the same workspace
        var kpi = Json("kpi", "--workspace", demo.Workspace, "--journey", demo.Journey, "--format", "json");
        var conformance = Json("conformance", "--workspace", demo.Workspace, "--journey", demo.Journey, "--format", "json");
        var variants = Json("variants", "--workspace", demo.Workspace, "--format", "json");
        var steps = data["funnel"]!["steps"]!.AsArray().Select(s => s!["label"]!.GetValue<string>()).ToList();
        var funnel = Json(["funnel", "--workspace", demo.Workspace, .. steps.SelectMany(s => new[] { "--step", s }), "--format", "json"]);
        var voc = Json("voc", "--workspace", demo.Workspace, "--journey", demo.Journey, "--format", "json");

        // Then every figure is the same
        steps.Count.ShouldBeGreaterThanOrEqualTo(2);
        Same(data["kpis"], kpi);
        data["kpis"]!["kpis"]!.AsArray().Count.ShouldBeGreaterThan(0);
        Same(data["conformance"], conformance);
        Same(data["variants"], variants);
        Same(data["funnel"]!["steps"], funnel["steps"]);
        Same(data["voc"], voc);
        data["voc"]!["surveyedCases"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Report_Demo_LoadsNothingFromElsewhereAndPrintsCleanly()
    {
        // Given the report of the demo
        var html = demo.Html;

        // Then no external reference, and print styles: a page per section, unclipped tables, no controls
        ReportJson.ExternalReferences(html).ShouldBeEmpty();
        html.ShouldContain("@media print");
        html.ShouldContain("section { break-before: page;");
        html.ShouldContain("thead { display: table-header-group; }");
        html.ShouldContain("button, input, select, textarea, nav, .no-print { display: none !important; }");
        var markup = ReportJson.WithoutScripts(html);
        markup.ShouldNotContain("<button", Case.Insensitive);
        markup.ShouldNotContain("<input", Case.Insensitive);
        markup.ShouldNotContain("<select", Case.Insensitive);
    }

    private static JsonNode Json(params string[] args)
    {
        var run = CliRun.Run(args);
        run.ExitCode.ShouldBe(0, run.Error);
        return JsonNode.Parse(run.Output)!;
    }

    private static void Same(JsonNode? actual, JsonNode? expected) =>
        JsonNode.DeepEquals(actual, expected).ShouldBeTrue($"report: {actual?.ToJsonString()[..Math.Min(400, actual.ToJsonString().Length)]}\ncommand: {expected?.ToJsonString()[..Math.Min(400, expected.ToJsonString().Length)]}");
}
