using Journeyscope.IO.Journeys;

namespace Journeyscope.Server.Tests.Api;

/// <summary>The server finds journeys as the CLI does: <c>journeys/*.yaml</c> and <c>journeys/*.yml</c> (one repository).</summary>
public sealed class JourneyRepositoryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Journey =
        "journey: lanes\n" +
        "name: Lanes\n" +
        "touchpoints:\n" +
        "  - id: register\n" +
        "    name: Register\n" +
        "    stage: acquisition\n" +
        "    lane: frontstage\n" +
        "    match: { activity: Register }\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetJourneys_YmlFileInTheWorkspace_IsListedAndRead()
    {
        // Given a journey saved as journeys/lanes.yml, as `journeyscope kpi` and `conformance` accept it
        var folder = Path.Combine(server.Root, ServerFixture.Workspace, JourneyRepository.FolderName);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "lanes.yml"), Journey, Token);
        using var client = server.CreateClient();

        // When the API lists the journeys and reads this one
        var list = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/{ServerFixture.Workspace}/journeys", Token));
        var model = await Problem.JsonAsync(await client.GetAsync($"/api/v1/workspaces/{ServerFixture.Workspace}/journeys/lanes/model", Token));

        // Then it is there, as it is for the CLI
        list.GetProperty("journeys").EnumerateArray().ShouldContain(j => j.GetProperty("id").GetString() == "lanes");
        model.GetProperty("name").GetString().ShouldBe("Lanes");
        JourneyRepository.Ids(folder).ShouldContain("lanes");
    }
}
