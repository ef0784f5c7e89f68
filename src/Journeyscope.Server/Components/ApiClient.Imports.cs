using System.Net;

namespace Journeyscope.Server.Components;

/// <summary>The import wizard's calls beyond inspect and import.</summary>
internal sealed partial class ApiClient
{
    /// <summary>Creates the workspace the wizard imports into (POST /api/v1/workspaces); false when it already exists (409).</summary>
    public async Task<bool> CreateWorkspaceForImportAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri("api/v1/workspaces", UriKind.Relative), new { name }, Json, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
