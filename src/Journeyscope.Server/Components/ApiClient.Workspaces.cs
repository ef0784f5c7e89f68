using Journeyscope.Server.Components.Api;

namespace Journeyscope.Server.Components;

internal sealed partial class ApiClient
{
    /// <summary>Creates an empty workspace (POST /api/v1/workspaces).</summary>
    public async Task<WorkspaceListItemModel> CreateWorkspaceAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri("api/v1/workspaces", UriKind.Relative), new { name }, Json, cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync<WorkspaceListItemModel>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renames a workspace (PATCH /api/v1/workspaces/{ws}).</summary>
    public async Task<WorkspaceListItemModel> RenameWorkspaceAsync(string workspace, string newName, CancellationToken cancellationToken = default)
    {
        using var response = await http.PatchAsJsonAsync(new Uri(Ws(workspace), UriKind.Relative), new { name = newName }, Json, cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync<WorkspaceListItemModel>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a workspace with its events and journeys (DELETE /api/v1/workspaces/{ws}).</summary>
    public async Task DeleteWorkspaceAsync(string workspace, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync(new Uri(Ws(workspace), UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
