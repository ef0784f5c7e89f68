namespace Journeyscope.Server.Monitoring;

/// <summary>The SMTP server the alert digests go through (<c>Journeyscope:Monitoring:Smtp</c>).</summary>
public sealed class SmtpSettings
{
    /// <summary>The server's host name; empty: no e-mail is sent (alerts are still kept and shown).</summary>
    public string? Host { get; set; }

    /// <summary>The port (default 587).</summary>
    public int Port { get; set; } = 587;

    /// <summary><c>auto</c> (default: TLS when the server offers it), <c>starttls</c>, <c>ssl</c> or <c>none</c>.</summary>
    public string Security { get; set; } = "auto";

    /// <summary>The user name, when the server needs one.</summary>
    public string? UserName { get; set; }

    /// <summary>The password (keep it in an environment variable or a secret store, not in appsettings.json).</summary>
    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "journeyscope@localhost";
}
