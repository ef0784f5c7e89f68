using Journeyscope.Identity;

namespace Journeyscope.Server.Monitoring;

/// <summary>
/// The live state of one workspace: its monitored journeys, the store version and identity graph the state reflects,
/// and how many events of each customer were fed.
/// </summary>
internal sealed class LiveWorkspace(string folder, string fingerprint, List<LiveJourney> journeys, DateTimeOffset baseline)
{
    public Lock Gate { get; } = new();

    public string Folder { get; } = folder;

    public string Fingerprint { get; } = fingerprint;

    public List<LiveJourney> Journeys { get; } = journeys;

    /// <summary>Firings and deviations before this time are history (replayed silently), not news.</summary>
    public DateTimeOffset Baseline { get; } = baseline;

    /// <summary>The store version the state reflects (its change journal is read from here), once fed.</summary>
    public long Version { get; set; }

    /// <summary>The identity graph the state's case ids were stitched with; null before the first (full) feed.</summary>
    public IdentityGraph? Graph { get; set; }

    /// <summary>Whether something was fed or fired since the mark was last written (the mark is written only then).</summary>
    public bool Moved { get; set; } = true;

    /// <summary>When inactive customers were last evicted.</summary>
    public DateTimeOffset LastEviction { get; set; }

    public Dictionary<string, int> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>Per customer, the time of the last event seen: when it moved, identity stitching merged events into the case.</summary>
    public Dictionary<string, long> LastSeen { get; } = new(StringComparer.Ordinal);

    /// <summary>Customers tracked (fed and not evicted).</summary>
    public int CustomerCount => Seen.Count;

    /// <summary>Drops a customer's live state (rules, alignment, what was seen): it was stitched into another, merged events reshaped it, or it was evicted.</summary>
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

    /// <summary>
    /// Forgets the customers whose last event is before <paramref name="before"/> and who have no open occurrence in any
    /// journey; returns how many. One who returns is fed again from their first event (docs/monitoring.md).
    /// </summary>
    public int Evict(DateTimeOffset before)
    {
        var gone = new List<string>();
        foreach (var (customer, last) in LastSeen)
        {
            if (last < before.UtcTicks && Journeys.TrueForAll(j => j.Rules.IsIdle(customer)))
            {
                gone.Add(customer);
            }
        }

        foreach (var customer in gone)
        {
            Forget(customer);
        }

        return gone.Count;
    }

    /// <summary>How long a customer stays after their last event: the longest rule window of any journey plus <paramref name="margin"/>.</summary>
    public TimeSpan Horizon(TimeSpan margin)
    {
        var longest = TimeSpan.Zero;
        foreach (var journey in Journeys)
        {
            var window = journey.Rules.LongestWindow;
            longest = window > longest ? window : longest;
        }

        return longest + margin;
    }
}
