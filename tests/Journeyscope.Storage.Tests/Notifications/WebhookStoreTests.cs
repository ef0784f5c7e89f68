using System.Text.Json;
using Journeyscope.Storage.Notifications;

namespace Journeyscope.Storage.Tests.Notifications;

public sealed class WebhookStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("journeyscope-webhooks-").FullName;

    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Enqueue_SameDedupKey_KeepsOneDeliveryPerTarget()
    {
        // Given two targets, one only for alerts
        WebhookStore.AddTarget(_folder, "http://127.0.0.1:1/a");
        WebhookStore.AddTarget(_folder, "http://127.0.0.1:1/b", eventTypes: ["alert.raised"]);

        // When a rule firing is enqueued three times and an alert once
        var counts = new[]
        {
            WebhookStore.Enqueue(_folder, "shop", "rule.fired", """{"n":1}""", "k1", T0),
            WebhookStore.Enqueue(_folder, "shop", "rule.fired", """{"n":1}""", "k1", T0.AddSeconds(1)),
            WebhookStore.Enqueue(_folder, "shop", "rule.fired", """{"n":1}""", "k1", T0.AddSeconds(2)),
            WebhookStore.Enqueue(_folder, "shop", "alert.raised", """{"n":2}""", "k2", T0),
        };

        // Then the firing went to the first target once, the alert to both
        counts.ShouldBe([1, 0, 0, 2]);
        WebhookStore.Deliveries(_folder).Count.ShouldBe(3);
    }

    [Fact]
    public void Due_AfterFailures_FollowsTheRetryTimeAndSurvivesReopening()
    {
        // Given a pending delivery whose first attempt failed with a retry in 4 s
        WebhookStore.AddTarget(_folder, "http://127.0.0.1:1/a", secret: "0123456789abcdef");
        WebhookStore.Enqueue(_folder, "shop", "rule.fired", """{"customer":"c1"}""", "k", T0);
        var first = WebhookStore.Due(_folder, T0, 10).Single();
        WebhookStore.RecordAttempt(_folder, first.Id, false, 503, "The receiver answered 503.", T0.AddSeconds(4), T0);

        // When the outbox is read again (as after a restart: every call opens the file anew)
        var early = WebhookStore.Due(_folder, T0.AddSeconds(3), 10);
        var due = WebhookStore.Due(_folder, T0.AddSeconds(4), 10).Single();

        // Then the delivery is due again only at its retry time, with the same id, body and secret
        early.ShouldBeEmpty();
        due.Id.ShouldBe(first.Id);
        due.Body.ShouldBe(first.Body);
        due.Secret.ShouldBe("0123456789abcdef");
        due.Attempts.ShouldBe(1);
        WebhookStore.NextDue(_folder).ShouldBe(T0.AddSeconds(4));
        var body = JsonDocument.Parse(due.Body).RootElement;
        body.GetProperty("id").GetString().ShouldBe(due.Id);
        body.GetProperty("data").GetProperty("customer").GetString().ShouldBe("c1");

        // And once delivered it is never due again
        WebhookStore.RecordAttempt(_folder, due.Id, true, 200, null, null, T0.AddSeconds(4));
        WebhookStore.Due(_folder, T0.AddDays(1), 10).ShouldBeEmpty();
        var log = WebhookStore.Deliveries(_folder).Single();
        log.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        log.Attempts.ShouldBe(2);
        log.DeliveredAt.ShouldBe(T0.AddSeconds(4));
    }

    [Fact]
    public void Enqueue_NotJson_Throws()
    {
        WebhookStore.AddTarget(_folder, "http://127.0.0.1:1/a");
        Should.Throw<ArgumentException>(() => WebhookStore.Enqueue(_folder, "shop", "rule.fired", "{oops", "k", T0));
    }
}
