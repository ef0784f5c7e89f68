using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Journeyscope.Cli;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// A server over its own temporary workspaces root, with the workspace "shop" seeded from <see cref="ShopCsv"/>. Its clients
/// authenticate as the server owner would script it: with an owner key made by <c>journeyscope keys create --secret --scope owner</c>
/// on the workspaces folder before the server starts.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string Workspace = "shop";

    /// <summary>Four cases, eleven good events and one row with a bad timestamp (line 13).</summary>
    public const string ShopCsv =
        "case_id,activity,timestamp,resource,amount\n" +
        "c1,Register,2024-03-01T09:00:00+01:00,ann,10\n" +
        "c1,Check,2024-03-01T10:00:00+01:00,bob,10\n" +
        "c1,Approve,2024-03-01T12:00:00+01:00,ann,10\n" +
        "c2,Register,2024-03-02T09:00:00+01:00,ann,20\n" +
        "c2,Check,2024-03-02T09:30:00+01:00,bob,20\n" +
        "c2,Reject,2024-03-02T11:00:00+01:00,carl,20\n" +
        "c3,Register,2024-03-03T09:00:00+01:00,ann,30\n" +
        "c3,Check,2024-03-03T11:00:00+01:00,bob,30\n" +
        "c3,Check,2024-03-03T12:00:00+01:00,bob,30\n" +
        "c3,Approve,2024-03-03T15:00:00+01:00,ann,30\n" +
        "c4,Register,2024-03-04T09:00:00Z,ann,40\n" +
        "c4,Check,not-a-time,ann,40\n";

    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);

    public ServerFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "journeyscope-server-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        _settings["Journeyscope:WorkspacesRoot"] = Root;
        _settings["Journeyscope:CreateDemo"] = "false";
    }

    public string Root { get; }

    /// <summary>The owner key the clients send (<c>Authorization: Bearer jsk_...</c>).</summary>
    public string OwnerKey { get; private set; } = "";

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    protected virtual bool Seed => true;

    protected void Set(string key, string value) => _settings[key] = value;

    /// <summary>A client signed in as the server owner (the owner key).</summary>
    public HttpClient CreateClient() => Authorize(Factory.CreateClient(), OwnerKey);

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient() => Factory.CreateClient();

    /// <summary><paramref name="client"/> (of this server, maybe reconfigured), sending <paramref name="key"/>.</summary>
    public static HttpClient Authorize(HttpClient client, string key)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Runs <c>journeyscope keys create --secret</c> on this server's folder and returns the key.</summary>
    public string CreateKey(string scope, string? workspace = null)
    {
        string[] args = workspace is null
            ? ["keys", "create", "--secret", "--scope", scope, "--workspaces", Root, "--format", "json"]
            : ["keys", "create", "--secret", "--scope", scope, "--workspace", Path.Combine(Root, workspace), "--format", "json"];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = JourneyscopeCli.Run(args, output, error, interactive: false);
        if (code != 0)
        {
            throw new InvalidOperationException("journeyscope keys create failed: " + error);
        }

        using var json = JsonDocument.Parse(output.ToString());
        return json.RootElement.GetProperty("key").GetString()!;
    }

    public async ValueTask InitializeAsync()
    {
        OwnerKey = CreateKey("owner");
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            ConfigureHost(builder);
        });
        if (Seed)
        {
            using var client = CreateClient();
            using var created = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = Workspace });
            created.EnsureSuccessStatusCode();
            using var imported = await client.PostAsync($"/api/v1/workspaces/{Workspace}/imports", Upload(ShopCsv, "shop.csv"));
            if (!imported.IsSuccessStatusCode)
            {
                throw new InvalidOperationException("Seeding failed: " + await imported.Content.ReadAsStringAsync());
            }
        }
    }

    /// <summary>Changes the test host before it starts (a subclass adds services or middleware).</summary>
    protected virtual void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
    }

    /// <summary>Called when the fixture is disposed (a PostgreSQL fixture gives the CLI's environment back).</summary>
    protected virtual void Released()
    {
    }

    public async ValueTask DisposeAsync()
    {
        Released();
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    public static MultipartFormDataContent Upload(string text, string fileName, params (string Name, string Value)[] fields) =>
        Upload(Encoding.UTF8.GetBytes(text), fileName, fields);

    public static MultipartFormDataContent Upload(byte[] bytes, string fileName, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }
}
