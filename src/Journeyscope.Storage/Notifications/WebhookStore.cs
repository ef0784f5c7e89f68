using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Journeyscope.Storage.Notifications;

/// <summary>
/// The webhook targets, the durable outbox and the delivery log of one workspace, kept in <c>webhooks.sqlite</c> in the
/// workspace folder (beside the DuckDB database): the CLI can add targets while the server runs, and a delivery that was
/// enqueued survives a restart (docs/monitoring.md, "Webhooks").
/// </summary>
/// <remarks>
/// One row per (target, dedup key): enqueueing the same key twice is a no-op, so a sender that repeats itself after a
/// crash does not notify twice. Delivery is at-least-once: a delivery whose attempt was cut short is sent again with the
/// same id and body. Secrets are stored as they are (they are needed to sign); the file is as private as the database.
/// SQLite in WAL mode lets several processes read and write the file. Thread-safe (a connection per call).
/// </remarks>
public static class WebhookStore
{
    /// <summary>The file's name inside the workspace folder.</summary>
    public const string FileName = "webhooks.sqlite";

    /// <summary>The file: the deliveries' bodies and dedup keys name customers (erased with them); targets do not.</summary>
    internal static readonly SqliteSideFile Side = new(
        FileName,
        """
        CREATE TABLE IF NOT EXISTS targets (
            id TEXT PRIMARY KEY, url TEXT NOT NULL, secret TEXT NOT NULL, name TEXT, event_types TEXT NOT NULL, created_ticks INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS deliveries (
            id TEXT PRIMARY KEY, target_id TEXT NOT NULL, url TEXT NOT NULL, event_type TEXT NOT NULL, dedup_key TEXT NOT NULL,
            body TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, last_status INTEGER, last_error TEXT,
            created_ticks INTEGER NOT NULL, next_ticks INTEGER, delivered_ticks INTEGER, UNIQUE (target_id, dedup_key));
        CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_ticks);
        """,
        [new PersonalColumns("deliveries", ["dedup_key", "body"])]);

    /// <summary>The longest error text kept per delivery.</summary>
    private const int MaxErrorLength = 500;

    /// <summary>Adds a target; a secret is generated when none is given (the returned target carries it, shown once).</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http or https URL, or the secret is shorter than 16 characters.</exception>
    public static WebhookTarget AddTarget(
        string workspaceFolder, string url, string? secret = null, string? name = null, IReadOnlyList<string>? eventTypes = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceFolder);
        if (UrlProblem(url) is { } problem)
        {
            throw new ArgumentException(problem, nameof(url));
        }

        if (secret is not null && secret.Length < 16)
        {
            throw new ArgumentException("A webhook secret needs at least 16 characters; leave it out to have one generated.", nameof(secret));
        }

        var types = (eventTypes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var target = new WebhookTarget(
            "wh_" + Random(12), url, secret ?? "whsec_" + Random(32), name, types, (timeProvider ?? TimeProvider.System).GetUtcNow());
        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO targets (id, url, secret, name, event_types, created_ticks) VALUES ($id, $url, $secret, $name, $types, $created)";
        command.Parameters.AddWithValue("$id", target.Id);
        command.Parameters.AddWithValue("$url", target.Url);
        command.Parameters.AddWithValue("$secret", target.Secret);
        command.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        command.Parameters.AddWithValue("$types", string.Join(',', types));
        command.Parameters.AddWithValue("$created", target.CreatedAt.UtcTicks);
        command.ExecuteNonQuery();
        return target;
    }

    /// <summary>Why <paramref name="url"/> cannot be a webhook target, or null when it can.</summary>
    public static string? UrlProblem(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"'{url}' is not an absolute http or https URL (for example https://hooks.example.com/journeyscope).";

    /// <summary>The targets of the workspace, oldest first, with their secrets; empty when it has none.</summary>
    public static IReadOnlyList<WebhookTarget> ListTargets(string workspaceFolder)
    {
        var targets = new List<WebhookTarget>();
        if (!Exists(workspaceFolder))
        {
            return targets;
        }

        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, url, secret, name, event_types, created_ticks FROM targets ORDER BY created_ticks, id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var types = reader.GetString(4);
            targets.Add(new WebhookTarget(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                types.Length == 0 ? [] : types.Split(','), new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero)));
        }

        return targets;
    }

    /// <summary>Removes a target and its pending deliveries (its delivery log stays); false when there is no such target.</summary>
    public static bool RemoveTarget(string workspaceFolder, string id)
    {
        if (!Exists(workspaceFolder))
        {
            return false;
        }

        using var connection = Connect(workspaceFolder);
        using var transaction = connection.BeginTransaction();
        using var remove = connection.CreateCommand();
        remove.CommandText = "DELETE FROM targets WHERE id = $id";
        remove.Parameters.AddWithValue("$id", id);
        var removed = remove.ExecuteNonQuery() > 0;
        using var cancel = connection.CreateCommand();
        cancel.CommandText = "UPDATE deliveries SET status = 'failed', last_error = 'The target was removed.', next_ticks = NULL WHERE target_id = $id AND status = 'pending'";
        cancel.Parameters.AddWithValue("$id", id);
        cancel.ExecuteNonQuery();
        transaction.Commit();
        return removed;
    }

    /// <summary>
    /// Puts one delivery per target that receives <paramref name="eventType"/> into the outbox, unless one with the same
    /// <paramref name="dedupKey"/> is there already. Returns how many were added (0 when there is no target or all were there).
    /// </summary>
    /// <param name="workspaceFolder">The workspace folder.</param>
    /// <param name="workspace">The workspace's name, written into the body.</param>
    /// <param name="eventType">The event type, e.g. <c>rule.fired</c>.</param>
    /// <param name="payloadJson">The event's data, a JSON value (the body's <c>data</c>).</param>
    /// <param name="dedupKey">What makes this event unique for its sender, e.g. the rule, the customer and the occurrence.</param>
    /// <param name="now">The enqueue time (first attempt is due at once).</param>
    /// <exception cref="ArgumentException">The payload is not JSON.</exception>
    public static int Enqueue(string workspaceFolder, string workspace, string eventType, string payloadJson, string dedupKey, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupKey);
        ArgumentNullException.ThrowIfNull(payloadJson);
        try
        {
            using var _ = JsonDocument.Parse(payloadJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The webhook payload is not JSON: " + e.Message, nameof(payloadJson), e);
        }

        var targets = ListTargets(workspaceFolder).Where(t => t.Receives(eventType)).ToList();
        if (targets.Count == 0)
        {
            return 0;
        }

        using var connection = Connect(workspaceFolder);
        using var transaction = connection.BeginTransaction();
        var added = 0;
        foreach (var target in targets)
        {
            var id = "dl_" + Random(20);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT OR IGNORE INTO deliveries (id, target_id, url, event_type, dedup_key, body, status, attempts, created_ticks, next_ticks)
                VALUES ($id, $target, $url, $type, $key, $body, 'pending', 0, $now, $now)
                """;
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$target", target.Id);
            insert.Parameters.AddWithValue("$url", target.Url);
            insert.Parameters.AddWithValue("$type", eventType);
            insert.Parameters.AddWithValue("$key", dedupKey);
            insert.Parameters.AddWithValue("$body", Body(id, workspace, eventType, dedupKey, payloadJson, now));
            insert.Parameters.AddWithValue("$now", now.UtcTicks);
            added += insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return added;
    }

    /// <summary>Pending deliveries whose next attempt is due at <paramref name="now"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<PendingWebhook> Due(string workspaceFolder, DateTimeOffset now, int limit)
    {
        var due = new List<PendingWebhook>();
        if (!Exists(workspaceFolder))
        {
            return due;
        }

        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.id, d.url, t.secret, d.event_type, d.body, d.attempts FROM deliveries d JOIN targets t ON t.id = d.target_id
            WHERE d.status = 'pending' AND d.next_ticks <= $now ORDER BY d.next_ticks, d.created_ticks, d.id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", now.UtcTicks);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            due.Add(new PendingWebhook(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        }

        return due;
    }

    /// <summary>When the earliest pending delivery is due, or null when none is pending.</summary>
    public static DateTimeOffset? NextDue(string workspaceFolder)
    {
        if (!Exists(workspaceFolder))
        {
            return null;
        }

        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(next_ticks) FROM deliveries WHERE status = 'pending'";
        return command.ExecuteScalar() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    /// <summary>Records an attempt: delivered, retried at <paramref name="retryAt"/>, or failed for good when that is null.</summary>
    /// <param name="workspaceFolder">The workspace folder.</param>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="delivered">Whether the receiver accepted it (2xx).</param>
    /// <param name="statusCode">The response's status, or null when there was none (refused, timed out).</param>
    /// <param name="error">Why it failed, or null.</param>
    /// <param name="retryAt">When to try again, or null to give up (ignored when delivered).</param>
    /// <param name="now">The attempt's time.</param>
    public static void RecordAttempt(
        string workspaceFolder, string deliveryId, bool delivered, int? statusCode, string? error, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE deliveries SET attempts = attempts + 1, status = $status, last_status = $code, last_error = $error,
                next_ticks = $next, delivered_ticks = $delivered WHERE id = $id AND status = 'pending'
            """;
        command.Parameters.AddWithValue("$status", delivered ? "delivered" : retryAt is null ? "failed" : "pending");
        command.Parameters.AddWithValue("$code", (object?)statusCode ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", delivered || error is null ? DBNull.Value : error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
        command.Parameters.AddWithValue("$next", !delivered && retryAt is { } at ? at.UtcTicks : DBNull.Value);
        command.Parameters.AddWithValue("$delivered", delivered ? now.UtcTicks : DBNull.Value);
        command.Parameters.AddWithValue("$id", deliveryId);
        command.ExecuteNonQuery();
    }

    /// <summary>The delivery log, newest first, at most <paramref name="limit"/> rows, optionally of one status.</summary>
    public static IReadOnlyList<WebhookDelivery> Deliveries(string workspaceFolder, int limit = 100, WebhookDeliveryStatus? status = null)
    {
        var rows = new List<WebhookDelivery>();
        if (!Exists(workspaceFolder))
        {
            return rows;
        }

        using var connection = Connect(workspaceFolder);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, target_id, url, event_type, dedup_key, status, attempts, last_status, last_error, created_ticks, next_ticks, delivered_ticks
            FROM deliveries WHERE $status IS NULL OR status = $status ORDER BY created_ticks DESC, id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$status", status is { } s ? Name(s) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new WebhookDelivery(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Parse(reader.GetString(5)),
                reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                Instant(reader.GetInt64(9)), reader.IsDBNull(10) ? null : Instant(reader.GetInt64(10)), reader.IsDBNull(11) ? null : Instant(reader.GetInt64(11))));
        }

        return rows;
    }

    /// <summary>Whether the workspace in <paramref name="workspaceFolder"/> has a webhooks file (a target was ever added).</summary>
    public static bool Exists(string workspaceFolder) => Side.Exists(workspaceFolder);

    private static string Body(string id, string workspace, string eventType, string dedupKey, string payloadJson, DateTimeOffset now)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", eventType);
            writer.WriteString("workspace", workspace);
            writer.WriteString("dedupKey", dedupKey);
            writer.WriteString("createdAt", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            writer.WritePropertyName("data");
            writer.WriteRawValue(payloadJson, skipInputValidation: false);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    private static string Name(WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Delivered => "delivered",
        WebhookDeliveryStatus.Failed => "failed",
        _ => "pending",
    };

    private static WebhookDeliveryStatus Parse(string status) => status switch
    {
        "delivered" => WebhookDeliveryStatus.Delivered,
        "failed" => WebhookDeliveryStatus.Failed,
        _ => WebhookDeliveryStatus.Pending,
    };

    private static string Random(int length)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> random = stackalloc byte[length];
        RandomNumberGenerator.Fill(random);
        var text = new StringBuilder(length);
        foreach (var b in random)
        {
            text.Append(Alphabet[b & 31]);
        }

        return text.ToString();
    }

    private static SqliteConnection Connect(string folder) => Side.Open(folder);
}
