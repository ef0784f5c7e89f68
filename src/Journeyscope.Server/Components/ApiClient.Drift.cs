using System.Globalization;
using Journeyscope.Monitoring;

namespace Journeyscope.Server.Components;

internal sealed partial class ApiClient
{
    /// <summary>Process drift of the workspace: change points and what changed (<c>GET …/drift</c>).</summary>
    public Task<DriftResult> GetDriftAsync(
        string workspace, int? window = null, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<DriftResult>(
            Ws(workspace) + "/drift" + Query(filters, ("window", window?.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);
}
