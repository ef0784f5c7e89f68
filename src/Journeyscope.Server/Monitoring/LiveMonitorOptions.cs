namespace Journeyscope.Server.Monitoring;

/// <summary>How the live monitor keeps its state (configuration section <c>Journeyscope:Monitoring:Live</c>, docs/monitoring.md).</summary>
public sealed class LiveMonitorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Journeyscope:Monitoring:Live";

    /// <summary>
    /// How long past the longest rule window (or time target) a customer with nothing open stays in memory after their
    /// last event (default 1 hour); then they are evicted and, if they return, their history is fed again.
    /// </summary>
    public TimeSpan EvictionMargin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often inactive customers are looked for (default 1 minute).</summary>
    public TimeSpan EvictionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Live deviations kept per workspace in <c>live.sqlite</c> (default 10,000); the oldest go first.</summary>
    public int DeviationRetention { get; set; } = Storage.Monitoring.LiveDeviationLog.DefaultRetention;
}
