using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Journeyscope.Server.Security;
using Journeyscope.Server.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Journeyscope.Server.Tests.Security;

/// <summary>The audit log: what it records, its JSON and CSV export for admins, and the erasure of a person's fields.</summary>
public sealed class AuditTests(SecurityServer server) : IClassFixture<SecurityServer>
{
    [Fact]
    public async Task Audit_KeyAndImportAndMember_AreRecordedAndExported()
    {
        // Given an admin of shop who creates a key, invites a member, and an analyst key that imports
        using var admin = server.Client(server.AdminKey);
        using var writer = server.Client(server.WriteKey);
        using var key = await admin.PostAsJsonAsync("/api/v1/workspaces/shop/secret-keys", new { scope = "read", name = "dash" }, TestContext.Current.CancellationToken);
        using var member = await admin.PostAsJsonAsync("/api/v1/workspaces/shop/members", new { userName = "dora", role = "viewer" }, TestContext.Current.CancellationToken);
        using var import = await writer.PostAsync("/api/v1/workspaces/shop/imports", ServerFixture.Upload(ServerFixture.ShopCsv, "again.csv"), TestContext.Current.CancellationToken);

        // When the admin reads the log as JSON and CSV, and a viewer tries
        var json = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/workspaces/shop/audit", TestContext.Current.CancellationToken));
        var csv = await admin.GetStringAsync("/api/v1/workspaces/shop/audit?format=csv", TestContext.Current.CancellationToken);
        using var viewer = server.Client(server.ReadKey);
        using var refused = await viewer.GetAsync("/api/v1/workspaces/shop/audit", TestContext.Current.CancellationToken);

        // Then the key, the invitation, the role and the import are there, with who did them
        key.StatusCode.ShouldBe(HttpStatusCode.OK);
        member.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("invitationLink").GetString()!.ShouldStartWith("/account/link?");
        import.StatusCode.ShouldBe(HttpStatusCode.OK);
        var actions = json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("key-created");
        actions.ShouldContain("user-invited");
        actions.ShouldContain("role-changed");
        actions.ShouldContain("import");
        csv.ShouldStartWith("id,at,action,workspace,actor,target,detail,address\n");
        csv.ShouldContain(",role-changed,shop,key:" + server.AdminKey[..SecretKeys.PrefixLength] + ",dora,viewer,");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BlankPersonalFields_Subject_LeavesNoTraceOfThem()
    {
        // Given entries naming "erin"
        using var scope = server.Factory.Services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await audit.WriteAsync("sign-in", null, "erin", "erin", "password", "10.0.0.7", TestContext.Current.CancellationToken);
        await audit.WriteAsync("role-changed", "shop", "admin-user", "erin", "viewer for erin", "10.0.0.8", TestContext.Current.CancellationToken);

        // When erin is erased from the log
        var changed = await audit.BlankPersonalFieldsAsync("erin", TestContext.Current.CancellationToken);

        // Then both entries stay, without her name or address
        changed.ShouldBe(2);
        var csv = AuditLog.ToCsv(await audit.ReadAsync(null, 10_000, TestContext.Current.CancellationToken));
        csv.ShouldNotContain("erin");
        csv.ShouldNotContain("10.0.0.7");
        csv.ShouldContain(",sign-in,,(erased),(erased),password,");
    }
}
