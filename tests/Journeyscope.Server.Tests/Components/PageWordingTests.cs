using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Journeyscope.Server.Components;
using Journeyscope.Server.Components.Pages;
using Journeyscope.Server.Tests.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using P = Journeyscope.Server.Components.Pages;

namespace Journeyscope.Server.Tests.Components;

/// <summary>
/// Issue 13 §3: no page tells the user to call an API. Every page is rendered against a real server (the demo, and a
/// workspace without surveys or with a missing case), and its text must not name a route, an HTTP verb, a query
/// parameter to set or an internal options type.
/// </summary>
public sealed partial class PageWordingTests(DemoServerFixture demo) : IClassFixture<DemoServerFixture>
{
    public static TheoryData<string> Pages =>
        ["Overview", "Journey", "ProcessMap", "Variants", "Drift", "ValueStream", "Funnels", "Paths", "Retention", "Kpis", "Voc", "Import", "Case"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Demo_SaysWhatToClickNotWhichApiToCall(string name)
    {
        // Given the demo workspace served
        using var http = demo.CreateClient();
        await using var context = Context(http);
        var caseId = name == "Case" ? await FirstCaseAsync(http) : "";

        // When the page is rendered and has loaded
        var text = RenderText(context, name, "demo", caseId);

        // Then its text has no API wording
        ApiWording(text).ShouldBeEmpty(text);
    }

    [Fact]
    public async Task Voc_WorkspaceWithoutSurveys_SaysToChooseTheAttributeWithTheSelect()
    {
        // Given a workspace whose events have no 'score' attribute (the API notes "name the attribute with scoreAttribute=…")
        await using var shop = new ServerFixture();
        await shop.InitializeAsync();
        using var http = shop.CreateClient();
        await using var context = Context(http);

        // When the VoC page is rendered
        var page = context.Render<P.Voc>(p => p.Add(x => x.Ws, ServerFixture.Workspace));
        var text = Loaded(page);

        // Then the note says what to choose, and the attribute is a control
        ApiWording(text).ShouldBeEmpty(text);
        page.Find("[data-testid=voc-note]").TextContent.ShouldContain("The events have no 'score' attribute, so there are no survey answers.");
        page.Find("[data-testid=voc-note]").TextContent.ShouldContain("Choose the attribute that holds them above.");
        page.Find("[data-testid=voc-attributes]").TextContent.ShouldContain("Survey answers in");
    }

    [Fact]
    public async Task Pages_UnknownCaseAndWorkspace_SayWhereToGoInTheUi()
    {
        // Given a server; the API's details for these say "list cases with GET /api/v1/..." and "create it with POST ..."
        using var http = demo.CreateClient();
        await using var context = Context(http);

        // When the case page opens a case that does not exist, and the overview a workspace that does not exist
        var casePage = context.Render<CasePage>(p => p.Add(x => x.Ws, "demo").Add(x => x.CaseId, "no-such-case"));
        var overview = context.Render<Overview>(p => p.Add(x => x.Ws, "nowhere"));

        // Then the errors name the UI, not the API
        casePage.WaitForAssertion(() => casePage.Find("[data-testid=error]").TextContent.ShouldContain("no case 'no-such-case'"), TimeSpan.FromSeconds(60));
        casePage.Find("[data-testid=error]").TextContent.ShouldContain("Open a case from the process map");
        overview.WaitForAssertion(() => overview.Find("[data-testid=error]").TextContent.ShouldContain("Choose a workspace on the start page."), TimeSpan.FromSeconds(60));
        ApiWording(Loaded(casePage)).ShouldBeEmpty();
        ApiWording(Loaded(overview)).ShouldBeEmpty();
    }

    /// <summary>The API wording found in <paramref name="text"/>: routes, HTTP verbs with a path, query parameters to set, options types.</summary>
    internal static IReadOnlyList<string> ApiWording(string text) => [.. Forbidden().Matches(text).Select(m => m.Value)];

    /// <summary>Renders the page, waits until it has loaded, and returns what the user reads.</summary>
    private static string RenderText(BunitContext context, string name, string ws, string caseId) => name switch
    {
        "Overview" => Loaded(context.Render<Overview>(p => p.Add(x => x.Ws, ws))),
        "Journey" => Loaded(context.Render<Journey>(p => p.Add(x => x.Ws, ws))),
        "ProcessMap" => Loaded(context.Render<ProcessMapPage>(p => p.Add(x => x.Ws, ws))),
        "Variants" => Loaded(context.Render<Variants>(p => p.Add(x => x.Ws, ws))),
        "Drift" => Loaded(context.Render<P.Drift>(p => p.Add(x => x.Ws, ws))),
        "ValueStream" => Loaded(context.Render<ValueStream>(p => p.Add(x => x.Ws, ws))),
        "Funnels" => Loaded(context.Render<P.Funnels>(p => p.Add(x => x.Ws, ws))),
        "Paths" => Loaded(context.Render<Paths>(p => p.Add(x => x.Ws, ws))),
        "Retention" => Loaded(context.Render<Retention>(p => p.Add(x => x.Ws, ws))),
        "Kpis" => Loaded(context.Render<P.Kpis>(p => p.Add(x => x.Ws, ws))),
        "Voc" => Loaded(context.Render<P.Voc>(p => p.Add(x => x.Ws, ws))),
        "Import" => Loaded(context.Render<Import>(p => p.Add(x => x.Ws, ws))),
        "Case" => Loaded(context.Render<CasePage>(p => p.Add(x => x.Ws, ws).Add(x => x.CaseId, caseId))),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Waits until no analysis is running (no progress bar with its Cancel button), then returns the page's text.</summary>
    private static string Loaded<T>(IRenderedComponent<T> page)
        where T : IComponent
    {
        page.WaitForAssertion(() => page.FindAll("[role=status]").Count.ShouldBe(0), TimeSpan.FromSeconds(120));
        return Text(page.Nodes);
    }

    /// <summary>What the user reads: text, and the attributes a browser shows or speaks.</summary>
    private static string Text(INodeList nodes)
    {
        var parts = new List<string>();
        foreach (var node in nodes)
        {
            parts.Add(node.TextContent);
            if (node is IElement element)
            {
                parts.AddRange(element.QuerySelectorAll("[title],[aria-label],[placeholder]")
                    .SelectMany(e => new[] { e.GetAttribute("title"), e.GetAttribute("aria-label"), e.GetAttribute("placeholder") })
                    .OfType<string>());
            }
        }

        return string.Join(" ", parts);
    }

    private static async Task<string> FirstCaseAsync(HttpClient http)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/v1/workspaces/demo/cases?pageSize=1", Xunit.TestContext.Current.CancellationToken))!;
        return json["cases"]![0]!["caseId"]!.GetValue<string>();
    }

    private static BunitContext Context(HttpClient http)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddScoped<WorkspaceState>();
        context.Services.AddSingleton(new ApiClient(http));
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    [GeneratedRegex(@"api/v1|/api\b|\bAPI\b|\b(?:GET|POST|PUT|PATCH|DELETE)\s+(?:/|\.\.\.|…)|\b[a-z][A-Za-z.]*=(?:…|\.\.\.|')|\b[A-Z][A-Za-z]*Options\b|\bcall (?:the|an?) (?:API|endpoint)")]
    private static partial Regex Forbidden();
}
