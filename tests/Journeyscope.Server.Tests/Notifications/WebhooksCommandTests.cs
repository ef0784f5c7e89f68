using System.Net.Http.Json;
using System.Text.Json;
using Journeyscope.Cli;
using Journeyscope.Server.Notifications;
using Journeyscope.TestSupport;

namespace Journeyscope.Server.Tests.Notifications;

/// <summary><c>journeyscope webhooks</c> on the folder of a running server's workspace: the server delivers to what the CLI adds.</summary>
public sealed class WebhooksCommandTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebhooksAdd_WhileTheServerRuns_ServerDeliversAndTheCliShowsTheLog()
    {
        // Given a running server's workspace and a receiver on 127.0.0.1
        using var receiver = new WebhookReceiver();
        using var client = server.CreateClient();
        var workspace = "cli-" + Guid.NewGuid().ToString("N")[..8];
        (await client.PostAsJsonAsync("/api/v1/workspaces", new { name = workspace }, Token)).EnsureSuccessStatusCode();
        var folder = Path.Combine(server.Root, workspace);

        // When the CLI adds a target with its own secret, and the server enqueues an event
        var (code, added, _) = Run("webhooks", "add", receiver.Url, "--secret", "0123456789abcdef-secret", "--name", "crm", "--workspace", folder, "--format", "json");
        await server.Outbox.EnqueueAsync(workspace, "rule.fired", new { customer = "k9" }, "k9:1", Token);
        (await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20), Token)).ShouldBeTrue();
        await Task.Delay(300, Token);
        var (listCode, list, _) = Run("webhooks", "list", "--workspace", folder, "--format", "json");
        var (logCode, log, _) = Run("webhooks", "deliveries", "--workspace", folder, "--format", "json");

        // Then the delivery is signed with the CLI's secret, the listing hides it and the log shows it delivered
        code.ShouldBe(0);
        JsonDocument.Parse(added).RootElement.GetProperty("secret").GetString().ShouldBe("0123456789abcdef-secret");
        var got = receiver.Received[0];
        WebhookSignature.Verify("0123456789abcdef-secret", got.Header(WebhookSignature.TimestampHeader), got.Header(WebhookSignature.SignatureHeader), got.Body, DateTimeOffset.UtcNow)
            .ShouldBeTrue();
        listCode.ShouldBe(0);
        list.ShouldNotContain("0123456789abcdef-secret");
        logCode.ShouldBe(0);
        var rows = JsonDocument.Parse(log).RootElement;
        rows.GetArrayLength().ShouldBe(1);
        rows[0].GetProperty("status").GetString().ShouldBe("delivered");
    }

    [Fact]
    public void WebhooksAdd_BadUrlOrShortSecret_IsAUsageError()
    {
        var folder = Path.Combine(server.Root, "cli-bad-" + Guid.NewGuid().ToString("N")[..8]);
        using (Journeyscope.Storage.Workspace.Open(folder))
        {
        }

        Run("webhooks", "add", "ftp://x", "--workspace", folder).Code.ShouldBe(2);
        Run("webhooks", "add", "https://x.example", "--secret", "short", "--workspace", folder).Code.ShouldBe(2);
        Run("webhooks", "remove", "wh_nothing", "--workspace", folder).Code.ShouldBe(1);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = JourneyscopeCli.Run(args, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }
}
