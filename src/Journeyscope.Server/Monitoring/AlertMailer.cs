using System.Globalization;
using System.Text;
using Journeyscope.Monitoring;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Journeyscope.Server.Monitoring;

/// <summary>Sends a schedule's alert digest (every alert of a run in one e-mail) through the configured SMTP server (MailKit).</summary>
internal sealed class AlertMailer(IOptions<MonitoringOptions> options)
{
    private readonly MonitoringOptions _options = options.Value;

    /// <summary>Whether an SMTP host is configured.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(_options.Smtp.Host);

    /// <summary>The digest of <paramref name="alerts"/> for <paramref name="schedule"/>'s recipients.</summary>
    public MimeMessage Digest(string workspace, MonitorSchedule schedule, IReadOnlyList<KpiAlert> alerts)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_options.Smtp.From));
        foreach (var recipient in schedule.Recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = string.Create(CultureInfo.InvariantCulture,
            $"[Journeyscope] {workspace} / {schedule.Id}: {alerts.Count} KPI alert{(alerts.Count == 1 ? "" : "s")} on journey {schedule.Journey}");
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Schedule {schedule.Id} of workspace {workspace} ({schedule.Cron}, {schedule.TimeZone}) raised {alerts.Count} alert(s).\n\n");
        foreach (var alert in alerts)
        {
            text.Append("* ").Append(alert.Message).Append('\n');
            text.Append("  Cases: ").Append(CasesLink(workspace, alert)).Append("\n\n");
        }

        text.Append("Alert history: ").Append(Base()).Append("/w/").Append(Uri.EscapeDataString(workspace)).Append("/monitoring\n");
        message.Body = new TextPart("plain") { Text = text.ToString() };
        return message;
    }

    /// <summary>Sends the digest; throws when the server refuses it (the alerts stay pending and are sent on the next run).</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = _options.Smtp;
        using var client = new SmtpClient();
        client.Timeout = 30_000;
        var security = smtp.Security.ToUpperInvariant() switch
        {
            "NONE" => SecureSocketOptions.None,
            "SSL" => SecureSocketOptions.SslOnConnect,
            "STARTTLS" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The API address listing the alert's cases (the period's cases, by the filter the alert carries).</summary>
    public string CasesLink(string workspace, KpiAlert alert) =>
        Base() + "/api/v1/workspaces/" + Uri.EscapeDataString(workspace) + "/cases?filter=" + Uri.EscapeDataString(alert.CasesFilter);

    private string Base() => (_options.PublicUrl ?? string.Empty).TrimEnd('/');
}
