using System.Net;

namespace Journeyscope.Server.Tests.Api;

/// <summary>The wizard's kept uploads expire when unused for the configured lifetime; a use renews the lease.</summary>
public sealed class KeptUploadExpiryTests(KeptUploadExpiryTests.Server server) : IClassFixture<KeptUploadExpiryTests.Server>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeptUpload_UnusedPastItsLifetime_IsDeletedAndItsIdUnknown()
    {
        // Given a server whose kept uploads live 3 s, and one upload kept and then left alone, another kept in use
        using var client = server.CreateClient();
        var abandoned = await KeepAsync(client);
        var used = await KeepAsync(client);
        var folder = Path.Combine(server.Root, ".uploads");
        Directory.Exists(Path.Combine(folder, abandoned)).ShouldBeTrue();

        // When time passes: the abandoned one is not touched, the used one is inspected every half second
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Directory.Exists(Path.Combine(folder, abandoned)) && DateTime.UtcNow < deadline)
        {
            using var inspect = new MultipartFormDataContent { { new StringContent(used), "uploadId" } };
            (await client.PostAsync("/api/v1/workspaces/shop/imports/inspect", inspect, Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await Task.Delay(500, Token);
        }

        // Then the abandoned upload's folder is gone and its id is unknown, while the one in use is still there
        Directory.Exists(Path.Combine(folder, abandoned)).ShouldBeFalse();
        using var again = new MultipartFormDataContent { { new StringContent(abandoned), "uploadId" } };
        (await Problem.ReadAsync(await client.PostAsync("/api/v1/workspaces/shop/imports/inspect", again, Token), HttpStatusCode.NotFound))
            .GetProperty("title").GetString().ShouldBe("Unknown upload");
        Directory.Exists(Path.Combine(folder, used)).ShouldBeTrue();
    }

    private static async Task<string> KeepAsync(HttpClient client)
    {
        var kept = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/shop/imports/uploads", ServerFixture.Upload(ServerFixture.ShopCsv, "shop.csv"), Token));
        return kept.GetProperty("uploadId").GetString()!;
    }

    public sealed class Server : ServerFixture
    {
        public Server() => Set("Journeyscope:KeptUploadLifetime", "00:00:03");
    }
}
