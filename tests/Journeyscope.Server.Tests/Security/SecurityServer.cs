using System.Net.Http.Json;
using Journeyscope.Server.Tests.Api;

namespace Journeyscope.Server.Tests.Security;

/// <summary>
/// The shop server with a second workspace "other", and keys made with the CLI: read, write and admin keys of "shop",
/// an admin key of "other".
/// </summary>
public class SecurityServer : ServerFixture, IAsyncLifetime
{
    public const string Other = "other";

    public string ReadKey { get; private set; } = "";

    public string WriteKey { get; private set; } = "";

    public string AdminKey { get; private set; } = "";

    public string OtherAdminKey { get; private set; } = "";

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        using var client = CreateClient();
        using (var created = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = Other }))
        {
            created.EnsureSuccessStatusCode();
        }

        ReadKey = CreateKey("read", Workspace);
        WriteKey = CreateKey("write", Workspace);
        AdminKey = CreateKey("admin", Workspace);
        OtherAdminKey = CreateKey("admin", Other);
    }

    public HttpClient Client(string key) => Authorize(Factory.CreateClient(), key);
}
