using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Journeyscope.Server.Tests.Api;

public sealed class HealthTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Health_WhenServerRuns_ReturnsOk()
    {
        // Given a running server
        using var client = factory.CreateClient();

        // When the health endpoint is called
        using var response = await client.GetAsync(new Uri("/api/v1/health", UriKind.Relative), TestContext.Current.CancellationToken);

        // Then it answers 200 with status ok
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("ok");
    }
}
