using Journeyscope.Erasure;

namespace Journeyscope.Server.Components;

internal sealed partial class ApiClient
{
    /// <summary>Erases a customer, or counts what would be erased (POST /api/v1/workspaces/{ws}/erasures).</summary>
    public async Task<ErasureReceipt> EraseCustomerAsync(string workspace, string customer, bool dryRun, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Ws(workspace) + "/erasures", UriKind.Relative), new { customer, dryRun }, Json, cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync<ErasureReceipt>(response, cancellationToken).ConfigureAwait(false);
    }
}
