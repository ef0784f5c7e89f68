using Journeyscope.Monitoring;
using Journeyscope.Storage.Notifications;

namespace Journeyscope.Server.Components;

internal sealed partial class ApiClient
{
    /// <summary>Live deviations, newest first (<c>GET …/live/deviations</c>).</summary>
    public Task<IReadOnlyList<LiveDeviation>> GetLiveDeviationsAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<LiveDeviation>>(Ws(workspace) + "/live/deviations?limit=50", cancellationToken);

    /// <summary>Rule firings, newest first (<c>GET …/live/firings</c>).</summary>
    public Task<IReadOnlyList<RuleFiring>> GetRuleFiringsAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<RuleFiring>>(Ws(workspace) + "/live/firings?limit=50", cancellationToken);

    /// <summary>The webhook delivery log, newest first (<c>GET …/webhooks/deliveries</c>, admin).</summary>
    public Task<IReadOnlyList<WebhookDelivery>> GetWebhookDeliveriesAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<WebhookDelivery>>(Ws(workspace) + "/webhooks/deliveries?limit=50", cancellationToken);
}
