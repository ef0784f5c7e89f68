using Journeyscope.Server.Tests.Collector;

namespace Journeyscope.Server.Tests.Notifications;

/// <summary>A collector server whose live monitor evicts customers 1 s after the longest rule window, looking every 200 ms.</summary>
public sealed class LiveEvictionServer : CollectorServer
{
    public LiveEvictionServer()
    {
        Set("Journeyscope:Monitoring:Live:EvictionMargin", "00:00:01");
        Set("Journeyscope:Monitoring:Live:EvictionInterval", "00:00:00.200");
        Set("Journeyscope:Webhooks:PollInterval", "00:00:00.100");
    }
}
