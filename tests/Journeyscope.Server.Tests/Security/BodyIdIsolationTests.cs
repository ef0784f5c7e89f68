using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Journeyscope.Server.Tests.Security;

/// <summary>
/// The tenant-isolation matrix for ids in bodies and sub-routes (OWASP API1/API3/API5): a workspace, key or user named in
/// a request of workspace A never reaches workspace B, and a body cannot raise a role or scope.
/// </summary>
public sealed class BodyIdIsolationTests(SecurityServer server) : IClassFixture<SecurityServer>
{
    [Fact]
    public async Task CreateKey_BodyNamesAnotherWorkspace_KeyBelongsToTheRoute()
    {
        // Given shop's admin
        using var admin = server.Client(server.AdminKey);

        // When it creates a key with a body naming "other" (and an owner scope on a second try)
        using var created = await admin.PostAsJsonAsync("/api/v1/workspaces/shop/secret-keys",
            new { scope = "admin", name = "sneaky", workspace = SecurityServer.Other }, TestContext.Current.CancellationToken);
        using var owner = await admin.PostAsJsonAsync("/api/v1/workspaces/shop/secret-keys",
            new { scope = "owner", name = "sneakier" }, TestContext.Current.CancellationToken);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("key").GetString()!;
        using var sneaky = server.Client(key);
        using var onOther = await sneaky.GetAsync("/api/v1/workspaces/other/members", TestContext.Current.CancellationToken);
        using var onShop = await sneaky.GetAsync("/api/v1/workspaces/shop/members", TestContext.Current.CancellationToken);

        // Then the key is shop's (reads shop's members, not other's) and no owner key is made
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        onOther.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        onShop.StatusCode.ShouldBe(HttpStatusCode.OK);
        owner.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AddMember_OwnerRoleOrAnotherWorkspaceInBody_Refused()
    {
        // Given shop's admin
        using var admin = server.Client(server.AdminKey);

        // When it tries to make someone owner, and to add a member with a body naming "other"
        using var owner = await admin.PostAsJsonAsync("/api/v1/workspaces/shop/members", new { userName = "ola", role = "owner" }, TestContext.Current.CancellationToken);
        using var added = await admin.PostAsJsonAsync("/api/v1/workspaces/shop/members",
            new { userName = "pia", role = "admin", workspace = SecurityServer.Other }, TestContext.Current.CancellationToken);
        using var otherAdmin = server.Client(server.OtherAdminKey);
        var others = await otherAdmin.GetStringAsync("/api/v1/workspaces/other/members", TestContext.Current.CancellationToken);

        // Then the owner role is refused and pia is a member of shop only
        owner.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        others.ShouldNotContain("pia");
    }

    [Fact]
    public async Task RevokeKeyAndRemoveMember_OfAnotherWorkspace_AreNotFoundAndChangeNothing()
    {
        // Given a key of "other" and a member of "other"
        using var otherAdmin = server.Client(server.OtherAdminKey);
        using var made = await otherAdmin.PostAsJsonAsync("/api/v1/workspaces/other/secret-keys", new { scope = "read", name = "theirs" }, TestContext.Current.CancellationToken);
        var theirs = (await made.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("key").GetString()!;
        (await otherAdmin.PostAsJsonAsync("/api/v1/workspaces/other/members", new { userName = "quin", role = "viewer" }, TestContext.Current.CancellationToken)).Dispose();

        // When shop's admin revokes that key and removes that member through shop's routes
        using var admin = server.Client(server.AdminKey);
        using var revoke = await admin.DeleteAsync("/api/v1/workspaces/shop/secret-keys/" + theirs[..Journeyscope.Server.Security.SecretKeys.PrefixLength], TestContext.Current.CancellationToken);
        using var remove = await admin.DeleteAsync("/api/v1/workspaces/shop/members/quin", TestContext.Current.CancellationToken);
        using var stillWorks = await server.Client(theirs).GetAsync("/api/v1/workspaces/other/summary", TestContext.Current.CancellationToken);
        var members = await otherAdmin.GetStringAsync("/api/v1/workspaces/other/members", TestContext.Current.CancellationToken);

        // Then both are 404 and other's key and member are untouched
        revoke.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        remove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        stillWorks.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
        members.ShouldContain("quin");
    }
}
