using System.Net;
using System.Text;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Server.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Journeyscope.Server.Tests.Api;

/// <summary>Errors carry a detail that says what was wrong; the configuration and the caches are bounded as documented.</summary>
public sealed class ErrorMappingTests(ErrorMappingTests.Server server) : IClassFixture<ErrorMappingTests.Server>
{
    private const long CacheBudget = 4_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("{name: 'x'}")]
    [InlineData("[1, 2]")]
    public async Task CreateWorkspace_MalformedJson_Returns400ProblemSayingWhatIsWrong(string body)
    {
        // Given a body that is not the JSON object the endpoint reads
        using var client = server.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        // When it is posted
        using var response = await client.PostAsync("/api/v1/workspaces", content, Token);

        // Then a 400 ProblemDetails says the JSON is wrong and where
        var detail = (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        detail.ShouldContain("not valid JSON");
        detail.ShouldContain("Path: $");
    }

    [Fact]
    public async Task Quarantine_LimitNotANumber_Returns400ProblemNamingTheParameter()
    {
        // Given a query parameter that cannot be bound
        using var client = server.CreateClient();

        // When it is sent
        using var response = await client.GetAsync($"/api/v1/workspaces/{ServerFixture.Workspace}/quarantine?limit=many", Token);

        // Then the 400 names the parameter and the value
        var detail = (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        detail.ShouldContain("limit");
        detail.ShouldContain("many");
    }

    [Fact]
    public async Task Import_NotMultipart_Returns415ProblemSayingHowToSendTheFile()
    {
        // Given a CSV posted as the raw body instead of a multipart form
        using var client = server.CreateClient();
        using var content = new StringContent(ServerFixture.ShopCsv, Encoding.UTF8, "text/csv");

        // When it is sent
        using var response = await client.PostAsync($"/api/v1/workspaces/{ServerFixture.Workspace}/imports", content, Token);

        // Then a 415 says to send field 'file' as multipart/form-data
        var detail = (await Problem.ReadAsync(response, HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString()!;
        detail.ShouldContain("multipart/form-data with the file in field 'file'");
        detail.ShouldContain("text/csv");
    }

    [Fact]
    public async Task FilteredLogCache_ManyDistinctFilters_StaysUnderItsByteBudget()
    {
        // Given a server whose filtered-log cache may hold 4,000 measured bytes (a few small filtered logs)
        var logs = server.Factory.Services.GetRequiredService<EventLogCache>();

        // When 40 distinct filters are applied
        for (var hours = 1; hours <= 40; hours++)
        {
            var filters = FilterParser.ParseAll([$"duration 0s..{hours}m", "activity in (Register, Check, Approve)"]);
            await logs.GetAsync(ServerFixture.Workspace, TimeBasis.Utc, filters, Token);

            // Then the measured total never exceeds the budget
            logs.FilteredBytes.ShouldBeLessThanOrEqualTo(CacheBudget);
        }

        // And least recently used logs were dropped, each weighed by its columns
        logs.FilteredCount.ShouldBeLessThan(40);
        logs.FilteredCount.ShouldBeGreaterThan(0);
        var one = await logs.GetAsync(ServerFixture.Workspace, TimeBasis.Utc, FilterParser.ParseAll(["activity in (Register)"]), Token);
        EventLogSize.Estimate(one.Log).ShouldBeGreaterThan(one.Log.EventCount * 12L);
    }

    [Fact]
    public void Configuration_ContentRoot_IsTheAppFolderNotTheWorkingDirectory()
    {
        // Given the server as started by its entry point (the tests' working directory is not the app's folder in general)
        var environment = server.Factory.Services.GetRequiredService<IHostEnvironment>();

        // Then appsettings.json is looked for beside the app, so it is found from any working directory
        Path.TrimEndingDirectorySeparator(environment.ContentRootPath).ShouldBe(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = server.Factory.Services.GetRequiredService<IConfiguration>();
        configuration["Journeyscope:FilteredLogCacheBytes"].ShouldBe(CacheBudget.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public sealed class Server : ServerFixture
    {
        public Server()
        {
            // Production, where the framework adds no developer details: every detail checked here is the server's own.
            Set("environment", "Production");
            Set("Journeyscope:FilteredLogCacheBytes", CacheBudget.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
