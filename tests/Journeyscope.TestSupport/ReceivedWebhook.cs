namespace Journeyscope.TestSupport;

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
/// <param name="Headers">Its headers (names as sent).</param>
/// <param name="Body">Its raw body.</param>
/// <param name="Answered">The status the receiver answered with.</param>
/// <param name="At">When it arrived.</param>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body, int Answered, DateTimeOffset At)
{
    /// <summary>The body as text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
