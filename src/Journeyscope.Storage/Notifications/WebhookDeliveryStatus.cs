namespace Journeyscope.Storage.Notifications;

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet: waiting for its first attempt or for the next retry.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: every attempt failed, or the receiver refused it for good (a 4xx other than 408 or 429).</summary>
    Failed,
}
