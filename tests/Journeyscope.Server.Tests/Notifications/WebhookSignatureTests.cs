using System.Text;
using Journeyscope.Server.Notifications;

namespace Journeyscope.Server.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_0123456789abcdef";

    [Fact]
    public void Verify_SignedBody_IsAcceptedAndAnyChangeIsRefused()
    {
        // Given a body signed at a time
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var body = Encoding.UTF8.GetBytes("""{"id":"dl_1","type":"rule.fired"}""");
        var seconds = at.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(Secret, seconds, body);
        var stamp = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Then it verifies as sent, and not with another body, timestamp, secret, or when too old
        signature.ShouldStartWith("sha256=");
        signature.Length.ShouldBe(7 + 64);
        WebhookSignature.Verify(Secret, stamp, signature, body, at.AddSeconds(30)).ShouldBeTrue();
        WebhookSignature.Verify(Secret, stamp, signature, Encoding.UTF8.GetBytes("""{"id":"dl_2","type":"rule.fired"}"""), at).ShouldBeFalse();
        WebhookSignature.Verify(Secret, (seconds + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body, at).ShouldBeFalse();
        WebhookSignature.Verify("whsec_another-secret-here", stamp, signature, body, at).ShouldBeFalse();
        WebhookSignature.Verify(Secret, stamp, signature, body, at.AddMinutes(6)).ShouldBeFalse();
        WebhookSignature.Verify(Secret, null, signature, body, at).ShouldBeFalse();
    }

    [Fact]
    public void Sign_KnownVector_MatchesHmacSha256OfTimestampDotBody()
    {
        // HMAC-SHA256("key", "1.{}") computed independently (python: hmac.new(b"key", b"1.{}", hashlib.sha256).hexdigest())
        WebhookSignature.Sign("key", 1, "{}"u8).ShouldBe("sha256=" + ExpectedVector);
    }

    private const string ExpectedVector = "1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224";

    [Fact]
    public void Backoff_DoublesUpToTheCap()
    {
        var options = new WebhookOptions { InitialDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(30) };
        options.Backoff(1).ShouldBe(TimeSpan.FromSeconds(2));
        options.Backoff(2).ShouldBe(TimeSpan.FromSeconds(4));
        options.Backoff(4).ShouldBe(TimeSpan.FromSeconds(16));
        options.Backoff(5).ShouldBe(TimeSpan.FromSeconds(30));
        options.Backoff(60).ShouldBe(TimeSpan.FromSeconds(30));
    }
}
