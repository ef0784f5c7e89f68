using System.Globalization;
using Journeyscope.Conformance;

namespace Journeyscope.Server.Components;

internal sealed partial class ApiClient
{
    /// <summary>The optimal alignment of variant <paramref name="rank"/> with a journey's designed flow.</summary>
    public Task<VariantFlowComparison> GetVariantAlignmentAsync(
        string workspace, string journey, int rank, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<VariantFlowComparison>(
            Ws(workspace) + "/journeys/" + Uri.EscapeDataString(journey) + "/variants/" + rank.ToString(CultureInfo.InvariantCulture) + "/alignment" + Query(filters),
            cancellationToken);
}
