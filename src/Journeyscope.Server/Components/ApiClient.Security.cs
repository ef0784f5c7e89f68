using Journeyscope.Server.Security;

namespace Journeyscope.Server.Components;

internal sealed partial class ApiClient
{
    /// <summary>The caller's role in a workspace (GET /me).</summary>
    public Task<MyAccess> GetMyAccessAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<MyAccess>(Ws(workspace) + "/me", cancellationToken);

    public Task<MemberList> GetMembersAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<MemberList>(Ws(workspace) + "/members", cancellationToken);

    /// <summary>Adds (or invites) a member with a role.</summary>
    public async Task<AddMemberResult> AddMemberAsync(string workspace, string userName, string role, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Ws(workspace) + "/members", UriKind.Relative), new AddMemberRequest(userName, role), Json, cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync<AddMemberResult>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveMemberAsync(string workspace, string userName, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync(new Uri(Ws(workspace) + "/members/" + Uri.EscapeDataString(userName), UriKind.Relative), cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<List<SecretKeyItem>> GetSecretKeysAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<List<SecretKeyItem>>(Ws(workspace) + "/secret-keys", cancellationToken);

    public async Task<CreatedSecretKey> CreateSecretKeyAsync(string workspace, string scope, string? name, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Ws(workspace) + "/secret-keys", UriKind.Relative), new CreateSecretKeyRequest(scope, name), Json, cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync<CreatedSecretKey>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task RevokeSecretKeyAsync(string workspace, string prefix, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync(new Uri(Ws(workspace) + "/secret-keys/" + Uri.EscapeDataString(prefix.TrimEnd('.')), UriKind.Relative), cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<AuditList> GetAuditAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<AuditList>(Ws(workspace) + "/audit?limit=200", cancellationToken);
}
