namespace Journeyscope.Server.Monitoring;

/// <summary>What one <see cref="AlertNotifier.NotifyAsync"/> sent.</summary>
/// <param name="Alerts">Alerts notified (marked as such).</param>
/// <param name="Digests">E-mail digests sent.</param>
/// <param name="Webhooks">Webhook deliveries enqueued in the outbox.</param>
/// <param name="FailedDigests">Digests the SMTP server did not take; their alerts stay pending for the next run.</param>
public sealed record AlertNotification(int Alerts, int Digests, int Webhooks, int FailedDigests);
