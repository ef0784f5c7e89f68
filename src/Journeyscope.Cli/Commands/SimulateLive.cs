using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Journeyscope.Simulation;
using EventLog = Journeyscope.EventLogs.EventLog;

namespace Journeyscope.Cli.Commands;

/// <summary>
/// <c>simulate --live</c>: streams simulated customers through a running server's collector as a website and a back end
/// would (docs/collector.md): each customer browses anonymously, identifies at the first log-in, account creation,
/// checkout or back-end event, and continues known; events without a channel are the back end's (orders, parcels, tickets), sent as
/// server-side calls with their own ids and the order they belong to.
/// </summary>
internal static class SimulateLive
{
    private static readonly HashSet<string> IdentifyingActivities = new(StringComparer.Ordinal)
    {
        RetailActivities.CreateAccount, RetailActivities.LogIn, RetailActivities.StartCheckout, RetailActivities.PlaceOrder,
    };

    private static readonly HashSet<string> OrderActivities = new(StringComparer.Ordinal)
    {
        RetailActivities.PlaceOrder, RetailActivities.PickItems, RetailActivities.PackParcel, RetailActivities.ShipOrder,
        RetailActivities.HandOverToCarrier, RetailActivities.DeliverOrder, RetailActivities.ReceiveReturn, RetailActivities.IssueRefund,
        RetailActivities.AuthorisePayment, RetailActivities.FraudCheck,
    };

    /// <summary>The Segment messages of the simulated log, customer after customer, each customer's in time order.</summary>
    /// <remarks>Message ids are derived from the seed, the customer and the event's position: a second run sends the same ids.</remarks>
    public static List<JsonObject> Messages(EventLog log, int seed)
    {
        var messages = new List<JsonObject>(log.EventCount + log.CaseCount);
        var channels = log.Channel;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var customer = log.CaseIds[c];
            var anonymous = "anon-" + seed.ToString(CultureInfo.InvariantCulture) + "-" + customer;
            var known = false;
            var start = log.CaseStarts[c];
            var end = log.CaseStarts[c + 1];
            for (var e = start; e < end; e++)
            {
                var activity = log.ActivityNames[log.Activities[e]];
                var at = new DateTimeOffset(log.Timestamps[e], TimeSpan.Zero)
                    .ToOffset(TimeSpan.FromMinutes(log.HasOffsets ? log.OffsetMinutes[e] : 0));
                var id = string.Create(CultureInfo.InvariantCulture, $"sim-{seed}-{customer}-{e - start}");
                var channel = channels?.GetString(e);
                // A log-in, sign-up or checkout identifies the visitor; so does the first thing the back end does for them.
                if (!known && (IdentifyingActivities.Contains(activity) || channel is not { Length: > 0 }))
                {
                    known = true;
                    messages.Add(new JsonObject
                    {
                        ["type"] = "identify",
                        ["messageId"] = id + "-identify",
                        ["userId"] = customer,
                        ["anonymousId"] = anonymous,
                        ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
                    });
                }

                var message = new JsonObject
                {
                    ["type"] = "track",
                    ["messageId"] = id,
                    ["event"] = activity,
                    ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
                };
                if (channel is { Length: > 0 })
                {
                    message[known ? "userId" : "anonymousId"] = known ? customer : anonymous;
                    message["context"] = new JsonObject { ["channel"] = channel };
                }
                else
                {
                    // The back end knows the customer and the order it works on.
                    message["userId"] = customer;
                    var context = new JsonObject { ["library"] = new JsonObject { ["name"] = "analytics-node" } };
                    if (OrderActivities.Contains(activity))
                    {
                        context["objects"] = new JsonArray(new JsonObject { ["type"] = "order", ["id"] = "order-" + customer });
                    }

                    message["context"] = context;
                }

                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>
    /// Sends <paramref name="messages"/> to <c>/v1/batch</c> at about <paramref name="rate"/> messages a second, in a
    /// batch every quarter second, each message stamped with the time it is sent (the customers act now); a batch answered
    /// 5xx (or not at all) is retried with backoff, up to five times (with its first stamps: retries are the same events).
    /// </summary>
    public static async Task<LiveStreamSummary> StreamAsync(
        Uri server, string key, List<JsonObject> messages, long customers, double rate, TextWriter progress, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        var perTick = Math.Clamp((int)Math.Ceiling(rate / 4), 1, 500);
        var tick = TimeSpan.FromSeconds(perTick / rate);
        long acknowledged = 0, failed = 0, requests = 0;
        var watch = Stopwatch.StartNew();
        for (var first = 0; first < messages.Count; first += perTick)
        {
            var due = tick * (first / perTick);
            if (due > watch.Elapsed)
            {
                await Task.Delay(due - watch.Elapsed, cancellationToken).ConfigureAwait(false);
            }

            var count = Math.Min(perTick, messages.Count - first);
            // Live customers act now: each message is stamped with the time it is sent (spaced 1/rate apart, the last
            // at the send), so the server's live rules and windows run on the wall clock, not on the scenario's dates.
            var sentAt = DateTimeOffset.UtcNow;
            var batch = new JsonArray([.. messages.GetRange(first, count).Select((m, i) => (JsonNode)Stamp(m, sentAt - TimeSpan.FromSeconds((count - 1 - i) / rate)))]);
            var body = new JsonObject { ["batch"] = batch }.ToJsonString();
            var (ok, tries) = await SendAsync(client, body, cancellationToken).ConfigureAwait(false);
            requests += tries;
            if (ok)
            {
                acknowledged += count;
            }
            else
            {
                failed += count;
                progress.WriteLine($"warning: {count} messages were not acknowledged after {tries} tries.");
            }
        }

        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        return new LiveStreamSummary(server.ToString(), customers, messages.Count, acknowledged, failed, requests, seconds,
            seconds > 0 ? acknowledged / seconds : 0);
    }

    private static JsonObject Stamp(JsonObject message, DateTimeOffset at)
    {
        var copy = (JsonObject)message.DeepClone();
        copy["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture);
        return copy;
    }

    private static async Task<(bool Ok, int Tries)> SendAsync(HttpClient client, string body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("v1/batch", content, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return (true, attempt);
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new UsageException($"The server at {client.BaseAddress} refused the ingest key ({(int)response.StatusCode}): " +
                        "pass a key of the workspace with --key (journeyscope keys create --workspace NAME --ingest).");
                }

                if ((int)response.StatusCode < 500 || attempt == 5)
                {
                    return (false, attempt);
                }
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                // The server is restarting or busy: retried below.
            }
            catch (HttpRequestException e)
            {
                throw new UsageException($"Cannot reach the server at {client.BaseAddress}: {e.Message}. Start it with 'journeyscope serve'.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 << attempt), cancellationToken).ConfigureAwait(false);
        }
    }
}
