namespace Journeyscope.Storage.Notifications;

/// <summary>One delivery of an event to one webhook target: a row of the delivery log.</summary>
/// <param name="Id">The delivery id (<c>dl_...</c>), sent as <c>X-Journeyscope-Delivery</c> and in the body; the same on every retry, so receivers dedup on it.</param>
/// <param name="TargetId">The target's id.</param>
/// <param name="Url">The target's URL.</param>
/// <param name="EventType">The event type, e.g. <c>rule.fired</c>.</param>
/// <param name="DedupKey">The sender's key: one delivery per target and key, however often it is enqueued.</param>
/// <param name="Status">Pending, delivered or failed.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="LastStatusCode">The HTTP status of the last attempt, or null (no attempt yet, or no response).</param>
/// <param name="LastError">Why the last attempt failed, or null.</param>
/// <param name="CreatedAt">When it was enqueued (UTC).</param>
/// <param name="NextAttemptAt">When a pending delivery is tried next (UTC), or null once it is done.</param>
/// <param name="DeliveredAt">When the receiver accepted it (UTC), or null.</param>
public sealed record WebhookDelivery(
    string Id, string TargetId, string Url, string EventType, string DedupKey, WebhookDeliveryStatus Status, int Attempts,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);
