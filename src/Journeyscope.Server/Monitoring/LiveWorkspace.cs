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
