using System.Net;
using Journeyscope.Server.Tests.Api;
using netDumbster.smtp;

namespace Journeyscope.Server.Tests.Monitoring;

/// <summary>
/// The demo server with e-mail going to an in-process SMTP server on 127.0.0.1 (netDumbster) and the scheduler off, so
/// runs happen when a test asks for them.
/// </summary>
public sealed class MonitoringServerFixture : ServerFixture
{
    public MonitoringServerFixture()
    {
        Smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        Set("Journeyscope:CreateDemo", "true");
        Set("Journeyscope:Monitoring:Scheduler", "false");
        Set("Journeyscope:Monitoring:PublicUrl", "http://journeys.test");
        Set("Journeyscope:Monitoring:Smtp:Host", "127.0.0.1");
        Set("Journeyscope:Monitoring:Smtp:Port", Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("Journeyscope:Monitoring:Smtp:Security", "none");
        Set("Journeyscope:Monitoring:Smtp:From", "alerts@journeys.test");
        Set("Journeyscope:Webhooks:PollInterval", "00:00:00.100");
    }

    public SimpleSmtpServer Smtp { get; }

    protected override bool Seed => false;

    protected override void Released() => Smtp.Dispose();
}
