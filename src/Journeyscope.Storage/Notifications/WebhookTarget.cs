namespace Journeyscope.Storage.Notifications;

/// <summary>A configured webhook receiver of a workspace.</summary>
/// <param name="Id">Its id (<c>wh_...</c>), used to remove it.</param>
/// <param name="Url">The absolute http(s) URL deliveries are POSTed to.</param>
/// <param name="Secret">The HMAC-SHA256 key deliveries are signed with; only shown when the target is created.</param>
/// <param name="Name">A label for people, or null.</param>
/// <param name="EventTypes">The event types it receives (exact names, e.g. <c>rule.fired</c>); empty for all.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
public sealed record WebhookTarget(string Id, string Url, string? Secret, string? Name, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt)
{
    /// <summary>Whether deliveries of <paramref name="eventType"/> go to this target.</summary>
    public bool Receives(string eventType) =>
        EventTypes.Count == 0 || EventTypes.Contains(eventType, StringComparer.Ordinal) || EventTypes.Contains("*", StringComparer.Ordinal);

    /// <summary>The same target without its secret, as listings show it.</summary>
    public WebhookTarget WithoutSecret() => this with { Secret = null };
}
