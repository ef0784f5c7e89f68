using Journeyscope.Journeys;

namespace Journeyscope.Storage.Tests.Monitoring;

/// <summary>The KPI the monitoring acceptance tests watch: payment authorisations per placed order (retries raise it).</summary>
internal static class MonitoringScenarios
{
    public static JourneyKpi PaymentAttempts { get; } = new("payment-attempts", "Payment attempts per order", "custom", null, [], [],
        new Dictionary<string, string>(), "count(events where activity == \"Authorise payment\") / count(events where activity == \"Place order\")", []);
}
