using Journeyscope.Monitoring;

namespace Journeyscope.Server.Monitoring;

/// <summary>The live state of one workspace: its monitored journeys, how many events of each customer were seen, recent deviations.</summary>
internal sealed class LiveWorkspace(string folder, string fingerprint, List<LiveJourney> journeys, DateTimeOffset baseline)
{
    public Lock Gate { get; } = new();

    public string Folder { get; } = folder;

    public string Fingerprint { get; } = fingerprint;

    public List<LiveJourney> Journeys { get; } = journeys;

    /// <summary>Firings and deviations before this time are history (replayed silently), not news.</summary>
    public DateTimeOffset Baseline { get; } = baseline;

    public Dictionary<string, int> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>Per customer, the time of the last event seen: when it moved, identity stitching merged events into the case.</summary>
    public Dictionary<string, long> LastSeen { get; } = new(StringComparer.Ordinal);

    /// <summary>Drops a customer's live state (rules, alignment, what was seen): it was stitched into another, or merged events reshaped it.</summary>
    public void Forget(string customer)
    {
        Seen.Remove(customer);
        LastSeen.Remove(customer);
        foreach (var journey in Journeys)
        {
            journey.Rules.Forget(customer);
            journey.Customers.Remove(customer);
        }
    }

    public Queue<LiveDeviation> Deviations { get; } = new();

    public void Add(LiveDeviation deviation, int max)
    {
        if (Deviations.Count == max)
        {
            Deviations.Dequeue();
        }

        Deviations.Enqueue(deviation);
    }
}
