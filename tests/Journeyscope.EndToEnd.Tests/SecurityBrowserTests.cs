using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// Issue 15's browser acceptance: the first start's one-time link signs the owner in; the owner invites a member as
/// viewer; the viewer does not see the import and the API refuses the viewer's import.
/// </summary>
public sealed class SecurityBrowserTests
{
    private const string Team = "team";
    private const string Csv = "case_id,activity,timestamp\nc1,Register,2024-03-01T09:00:00Z\nc1,Approve,2024-03-01T10:00:00Z\n";

    [Fact]
    public async Task FirstStart_LinkThenInviteViewer_ViewerCannotImport()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (playwright, browser) = await SystemChromium.LaunchAsync();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>(), cancellationToken, signIn: false);
        try
        {
            // Given the first start's printed link, opened in the browser
            var ownerContext = await browser.NewContextAsync();
            var owner = await ownerContext.NewPageAsync();
            owner.SetDefaultTimeout(120_000);
            await owner.GotoAsync(server.PrintedLink()!);
            (await owner.Locator("[data-testid=account-user]").TextContentAsync())!.ShouldContain("owner");
            server.UseCookies((await ownerContext.CookiesAsync()).Select(c => (c.Name, c.Value)));
            using (var http = server.CreateClient())
            {
                (await http.PostAsJsonAsync("api/v1/workspaces", new { name = Team }, cancellationToken)).EnsureSuccessStatusCode();
                (await http.PostAsync($"api/v1/workspaces/{Team}/imports", Upload(), cancellationToken)).EnsureSuccessStatusCode();
            }

            // When the owner invites "vera" as viewer on the members page, and vera opens her link
            await owner.GotoAsync(new Uri(server.Address, $"w/{Team}/access").ToString());
            await owner.Locator("[data-interactive=true]").WaitForAsync();
            await owner.Locator("input[data-testid=member-name], [data-testid=member-name] input").First.FillAsync("vera");
            await owner.Locator("[data-testid=member-add]").ClickAsync();
            var invitation = (await owner.Locator("[data-testid=invitation-link]").TextContentAsync())!.Trim();
            await owner.Locator("[data-testid=member-row]", new PageLocatorOptions { HasText = "vera" }).WaitForAsync();

            var veraContext = await browser.NewContextAsync();
            var vera = await veraContext.NewPageAsync();
            vera.SetDefaultTimeout(120_000);
            await vera.GotoAsync(invitation);
            await vera.GotoAsync(new Uri(server.Address, $"w/{Team}").ToString());
            await vera.Locator("[data-interactive=true]").WaitForAsync();
            await vera.Locator("[data-testid=signed-in-as]", new PageLocatorOptions { HasText = "vera" }).WaitForAsync();

            // Then vera sees no import in the navigation, and the API refuses her import
            await vera.WaitForTimeoutAsync(1000);
            (await vera.Locator("[data-testid=nav-import]").CountAsync()).ShouldBe(0);
            using var veraHttp = new HttpClient { BaseAddress = server.Address };
            veraHttp.DefaultRequestHeaders.Add("Cookie", string.Join("; ", (await veraContext.CookiesAsync()).Select(c => c.Name + "=" + c.Value)));
            using var refused = await veraHttp.PostAsync($"api/v1/workspaces/{Team}/imports", Upload(), cancellationToken);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            using var read = await veraHttp.GetAsync($"api/v1/workspaces/{Team}/summary", cancellationToken);
            read.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static MultipartFormDataContent Upload()
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "team.csv");
        return content;
    }
}
