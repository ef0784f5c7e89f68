namespace Journeyscope.Server.Monitoring;

/// <summary>The scheduler and the e-mail notifications (configuration section <c>Journeyscope:Monitoring</c>, docs/monitoring.md).</summary>
public sealed class MonitoringOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Journeyscope:Monitoring";

    /// <summary>Whether the server runs due schedules by itself (default true); off, only <c>POST …/monitoring/run</c> runs them.</summary>
    public bool Scheduler { get; set; } = true;

    /// <summary>How often the scheduler looks for due periods, in seconds (default 30): the most a snapshot is late.</summary>
    public double CheckIntervalSeconds { get; set; } = 30;

    /// <summary>The server's public address (for example <c>https://journeys.example.com</c>) that e-mailed links start with; relative links when empty.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// How long notified alerts are kept, in days after their period ended (default 800, the history a daily schedule's
    /// baseline and series read); older ones are deleted after each run. 0 keeps them for ever. Pending alerts are kept until sent.
    /// </summary>
    public int AlertRetentionDays { get; set; } = 800;

    /// <summary>The SMTP server the alert digests are sent through; none when its host is empty.</summary>
    public SmtpSettings Smtp { get; set; } = new();
}
