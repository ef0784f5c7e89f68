namespace Journeyscope.Cli.Tests;

public sealed class WorkspaceLocationTests
{
    [Fact]
    public void Resolve_BareName_IsThatWorkspaceInTheWorkspacesFolder()
    {
        // Given a current folder without a workspace named "shop"
        using var temp = new TempFolder();
        var home = Path.Combine(temp.Path, "home", "workspaces");

        // When "shop" is resolved
        var folder = WorkspaceLocation.Resolve("shop", temp.Path, home);

        // Then it is the shared folder's "shop"
        folder.ShouldBe(Path.Combine(home, "shop"));
    }

    [Fact]
    public void Resolve_BareNameOfAWorkspaceInTheCurrentFolder_KeepsTheLocalOne()
    {
        // Given ./shop holding a workspace (as before the shared folder existed)
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "shop"));
        File.WriteAllText(Path.Combine(temp.Path, "shop", "journeyscope.duckdb"), "");

        // When "shop" is resolved; Then the local one is kept
        WorkspaceLocation.Resolve("shop", temp.Path, Path.Combine(temp.Path, "home")).ShouldBe("shop");
    }

    [Theory]
    [InlineData("./shop")]
    [InlineData("data/shop")]
    [InlineData("/tmp/shop")]
    [InlineData("..")]
    public void Resolve_Path_IsThatPath(string path)
    {
        // Given a path; When it is resolved; Then it is taken as it is
        WorkspaceLocation.Resolve(path, "/somewhere", "/home/workspaces").ShouldBe(path);
    }

    [Fact]
    public void Resolve_NothingOutsideAWorkspace_IsTheDefaultWorkspaceInTheWorkspacesFolder()
    {
        // Given a current folder that is not a workspace
        using var temp = new TempFolder();

        // When no workspace is named; Then it is "demo" in the shared folder, the one the web app opens first
        WorkspaceLocation.Resolve(null, temp.Path, "/home/workspaces").ShouldBe(Path.Combine("/home/workspaces", "demo"));
    }

    [Fact]
    public void Resolve_NothingInsideAWorkspace_IsTheCurrentFolder()
    {
        // Given a current folder that is a workspace
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "journeyscope.duckdb"), "");

        // When no workspace is named; Then it is the current folder, as before
        WorkspaceLocation.Resolve(" ", temp.Path, "/home/workspaces").ShouldBe(temp.Path);
    }
}
