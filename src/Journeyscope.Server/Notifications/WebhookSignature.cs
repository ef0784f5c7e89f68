using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Journeyscope.Server.Notifications;

/// <summary>
/// How deliveries are signed, and how a receiver checks them: <c>X-Journeyscope-Signature: sha256=HEX</c>, the lower-case
/// hex HMAC-SHA256, keyed with the target's secret, of <c>TIMESTAMP + "." + RAW_BODY</c>, where TIMESTAMP is the
/// <c>X-Journeyscope-Timestamp</c> header (Unix seconds). Signing the timestamp with the body stops replays: a receiver
/// refuses a timestamp older than its tolerance (5 minutes by default) and dedups on <c>X-Journeyscope-Delivery</c>.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Journeyscope-Signature";

    /// <summary>The timestamp header (Unix seconds, signed with the body).</summary>
    public const string TimestampHeader = "X-Journeyscope-Timestamp";

    /// <summary>The delivery id header: the same on every retry of one delivery, what receivers dedup on.</summary>
    public const string DeliveryHeader = "X-Journeyscope-Delivery";

    /// <summary>The event type header, e.g. <c>rule.fired</c>.</summary>
    public const string EventHeader = "X-Journeyscope-Event";

    /// <summary>The default age beyond which <see cref="Verify"/> refuses a timestamp.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The signature header's value for <paramref name="body"/> sent at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>
    /// Whether a received delivery is authentic and fresh: the signature matches (compared in constant time) and the
    /// timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(secret) || signatureHeader is null ||
            !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (tolerance ?? DefaultTolerance).TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }
}
