namespace Journeyscope.Storage.Notifications;

/// <summary>A delivery that is due: what the sender needs to POST it.</summary>
/// <param name="Id">The delivery id.</param>
/// <param name="Url">The target's URL.</param>
/// <param name="Secret">The target's signing secret.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Body">The exact JSON body to send (the same bytes on every attempt).</param>
/// <param name="Attempts">Attempts made before this one.</param>
public sealed record PendingWebhook(string Id, string Url, string Secret, string EventType, string Body, int Attempts);
