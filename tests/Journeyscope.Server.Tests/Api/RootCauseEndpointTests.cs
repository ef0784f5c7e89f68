using System.Net;
using Journeyscope.Agenda;

namespace Journeyscope.Server.Tests.Api;

/// <summary><c>GET …/rootcause</c> on the demo: the injected payment-retry device first, the same record as the CLI's.</summary>
public sealed class RootCauseEndpointTests(DemoServerFixture server, CliDemoWorkspace demo) : IClassFixture<DemoServerFixture>
{
    private const string Api = "/api/v1/workspaces/demo";
    private const string Retried = "follows Authorise payment -> Authorise payment";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetRootCause_DemoPaymentRetries_InjectedDeviceFirstAndTheCliRecord()
    {
        // Given the demo (payment retries injected for android-app) served, and the same demo for the CLI
        using var client = server.CreateClient();

        // When the retry outcome is explained by both
        var cli = CliRunner.Json("rootcause", "--workspace", demo.Folder, "--outcome", Retried, "--format", "json");
        var result = await ContractParity.SameAsync<RootCauseResult>(
            await client.GetAsync($"{Api}/rootcause?outcome={Uri.EscapeDataString(Retried)}", Token), cli);

        // Then the device ranks first and explains it, and both surfaces give the same record
        (result.Factors[0].Attribute, result.Factors[0].Value).ShouldBe(("device", "android-app"));
        result.Factors[0].Explains.ShouldBeTrue();
        result.Outcome.ShouldBe(["follows \"Authorise payment\" -> \"Authorise payment\""]);
    }

    [Fact]
    public async Task GetRootCause_NoOutcome_Is400()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"{Api}/rootcause", Token);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("outcome");
    }

    [Fact]
    public async Task GetRootCause_MisspeltBy_Is400WithDidYouMean()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"{Api}/rootcause?outcome={Uri.EscapeDataString(Retried)}&by=devise", Token);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(Token);
        body.ShouldContain("devise");
        body.ShouldContain("device");
    }
}
