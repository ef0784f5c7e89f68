using System.Net.Http.Json;
using System.Text.Json;
using Journeyscope.Server.Notifications;
using Journeyscope.Server.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Notifications;

/// <summary>A server whose webhook sender retries fast (200 ms doubling, 4 attempts, 2 s timeout); each test makes its own workspace.</summary>
public sealed class WebhookServer : ServerFixture
{
    public WebhookServer()
    {
        Set("Journeyscope:Webhooks:InitialDelay", "00:00:00.200");
        Set("Journeyscope:Webhooks:MaxDelay", "00:00:01");
        Set("Journeyscope:Webhooks:MaxAttempts", "4");
        Set("Journeyscope:Webhooks:Timeout", "00:00:02");
        Set("Journeyscope:Webhooks:PollInterval", "00:00:00.100");
    }

    protected override bool Seed => false;

    public WebhookOutbox Outbox => Factory.Services.GetRequiredService<WebhookOutbox>();

    /// <summary>Creates a workspace with one webhook target at <paramref name="url"/>; returns its name, target id and secret.</summary>
    public async Task<(string Workspace, string TargetId, string Secret)> NewWorkspaceAsync(HttpClient client, string url, string[]? eventTypes = null)
    {
        var name = "hooks-" + Guid.NewGuid().ToString("N")[..8];
        using (var created = await client.PostAsJsonAsync("/api/v1/workspaces", new { name }))
        {
            created.EnsureSuccessStatusCode();
        }

        using var response = await client.PostAsJsonAsync($"/api/v1/workspaces/{name}/webhooks", new { url, name = "test", eventTypes });
        response.EnsureSuccessStatusCode();
        var target = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (name, target.GetProperty("id").GetString()!, target.GetProperty("secret").GetString()!);
    }
}
