using System.Globalization;
using System.Net;
using System.Text.Json;
using Journeyscope.Cli;
using Journeyscope.Server.Notifications;
using Journeyscope.TestSupport;
using netDumbster.smtp;

namespace Journeyscope.Server.Tests.Monitoring;

/// <summary>
/// <c>journeyscope monitor run</c> on a workspace no server holds: the alerts are e-mailed through the configured SMTP
/// server (netDumbster on 127.0.0.1) and sent as signed <c>kpi.alert</c> webhooks through the outbox, as the server does.
/// </summary>
public sealed class MonitorRunCommandTests : IDisposable
{
    private const string Secret = "cli-monitor-secret-0123";

    private readonly string _folder = Directory.CreateTempSubdirectory("journeyscope-monitor-cli-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the OS temp cleaner takes it.
        }
    }

    [Fact]
    public async Task MonitorRun_CliWithSmtpSettings_MailsOneDigestAndDeliversEachAlertOnceAsASignedWebhook()
    {
        // Given the demo workspace with a weekly schedule (a recipient), a webhook target on 127.0.0.1, and settings naming
        // an SMTP server on 127.0.0.1
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        using var receiver = new WebhookReceiver();
        var workspace = Path.Combine(_folder, "shop");
        Run("demo", "--workspace", workspace).Code.ShouldBe(0);
        Run("webhooks", "add", receiver.Url, "--secret", Secret, "--workspace", workspace).Code.ShouldBe(0);
        Run("monitor", "schedule", "weekly", "--journey", "retail", "--cron", "0 0 * * 1", "--since", "2025-01-06T00:00:00Z",
            "--email", "ops@example.com", "--workspace", workspace).Code.ShouldBe(0);
        var settings = Path.Combine(_folder, "settings.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            Journeyscope = new
            {
                Monitoring = new
                {
                    PublicUrl = "http://journeys.test",
                    Smtp = new { Host = "127.0.0.1", Port = smtp.Configuration.Port, Security = "none", From = "alerts@journeys.test" },
                },
            },
        }), TestContext.Current.CancellationToken);

        // When the CLI runs the due periods, then runs again
        var (code, output, error) = Run("monitor", "run", "--now", "2025-04-07T00:00:00Z", "--settings", settings, "--workspace", workspace, "--format", "json");
        var again = Run("monitor", "run", "--now", "2025-04-07T00:00:00Z", "--settings", settings, "--workspace", workspace, "--format", "json");

        // Then one digest went to the recipient, naming the schedule and every alert, with links to the cases
        code.ShouldBe(0, error);
        var alerts = JsonDocument.Parse(output).RootElement.GetProperty("schedules")[0].GetProperty("alerts").EnumerateArray()
            .Select(a => a.GetProperty("id").GetString()!).ToList();
        alerts.ShouldNotBeEmpty();
        var mail = smtp.ReceivedEmail.ShouldHaveSingleItem();
        mail.ToAddresses.Select(a => a.ToString()).ShouldContain("ops@example.com");
        mail.Subject.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"weekly: {alerts.Count} KPI alert"));
        mail.MessageParts[0].BodyData.ShouldContain("http://journeys.test/api/v1/workspaces/shop/cases?filter=time");
        error.ShouldContain("1 e-mail digest(s)");

        // And each alert arrived once, during the run, as a kpi.alert webhook signed with the target's secret
        receiver.Received.Count.ShouldBe(alerts.Count);
        foreach (var r in receiver.Received)
        {
            WebhookSignature.Verify(Secret, r.Header(WebhookSignature.TimestampHeader), r.Header(WebhookSignature.SignatureHeader), r.Body, DateTimeOffset.UtcNow)
                .ShouldBeTrue(r.Text);
            r.Header(WebhookSignature.EventHeader).ShouldBe("kpi.alert");
        }

        receiver.Received.Select(r => JsonDocument.Parse(r.Text).RootElement.GetProperty("data").GetProperty("id").GetString()!)
            .Order(StringComparer.Ordinal).ShouldBe(alerts.Order(StringComparer.Ordinal));

        // And the second run has nothing new to send
        again.Code.ShouldBe(0, again.Error);
        smtp.ReceivedEmail.Count().ShouldBe(1);
        receiver.Received.Count.ShouldBe(alerts.Count);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = JourneyscopeCli.Run(args, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }
}
