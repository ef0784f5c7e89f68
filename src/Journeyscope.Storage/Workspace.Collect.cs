using DuckDB.NET.Data;
using Journeyscope.EventLogs;
using Journeyscope.Identity;
using Journeyscope.IO;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <summary>The shortest time message ids are kept for dedup, whatever is configured.</summary>
    public static readonly TimeSpan MinimumMessageRetention = TimeSpan.FromDays(7);

    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Appends what one collector request carried: the messages whose id is not stored yet become events (with their
    /// case attributes and objects), their ids go to <c>collector_messages</c> and their identity observations to
    /// <c>identity_links</c>; unusable messages go to quarantine (docs/collector.md).
    /// </summary>
    /// <param name="batch">The request's messages.</param>
    /// <param name="messageRetention">How long message ids are kept for dedup (at least <see cref="MinimumMessageRetention"/>).</param>
    /// <param name="cancellationToken">Cancels waiting for the workspace; once this request's group is being written it is not cut short.</param>
    /// <returns>What was stored. When this returns, it is committed: the caller may acknowledge the request.</returns>
    /// <remarks>
    /// Group commit: requests that arrive while another is being written wait in a queue; the next to enter writes all
    /// of them in one transaction (one commit, one flush of the write-ahead log) and each returns only after that commit.
    /// When a group fails, its requests are written again one by one, so one bad request never fails the others.
    /// Message ids already stored are found through an in-memory filter of the stored ids' hashes (no false negatives;
    /// a hit is confirmed in SQL), so the check does not scan <c>collector_messages</c>.
    /// </remarks>
    public async Task<CollectSummary> CollectAsync(CollectedBatch batch, TimeSpan messageRetention, CancellationToken cancellationToken = default) =>
        await CollectAsync(batch, new CollectLimits { MessageRetention = messageRetention }, cancellationToken).ConfigureAwait(false);

    /// <summary>Appends what one collector request carried, within <paramref name="limits"/> (see the other overload).</summary>
    /// <param name="batch">The request's messages.</param>
    /// <param name="limits">Message id retention and the cap on distinct property names.</param>
    /// <param name="cancellationToken">Cancels waiting for the workspace; once this request's group is being written it is not cut short.</param>
    /// <returns>What was stored. When this returns, it is committed: the caller may acknowledge the request.</returns>
    public async Task<CollectSummary> CollectAsync(CollectedBatch batch, CollectLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(limits);
        var pending = new PendingCollect(batch);
        _shared.Collects.Enqueue(pending);
        try
        {
            await EnterAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not written yet: another request's group may still write it (then it is stored but not acknowledged,
            // which a retry turns into a duplicate that is skipped).
            pending.Result.TrySetCanceled(cancellationToken);
            throw;
        }

        try
        {
            if (!pending.Result.Task.IsCompleted)
            {
                WriteQueued(limits);
            }
        }
        finally
        {
            _gate.Release();
        }

        return await pending.Result.Task.ConfigureAwait(false);
    }

    /// <summary>Writes every queued request (under the gate): all in one transaction, or one by one when that fails.</summary>
    private void WriteQueued(CollectLimits limits)
    {
        var group = new List<PendingCollect>();
        while (_shared.Collects.TryDequeue(out var queued))
        {
            if (!queued.Result.Task.IsCompleted)
            {
                group.Add(queued);
            }
        }

        if (group.Count == 0)
        {
            return;
        }

        try
        {
            var summaries = CollectGroup(group.ConvertAll(p => p.Batch), limits);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Result.TrySetResult(summaries[i]);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var one in group)
            {
                try
                {
                    one.Result.TrySetResult(CollectGroup([one.Batch], limits)[0]);
                }
                catch (Exception e)
                {
                    one.Result.TrySetException(e);
                }
            }
        }
        catch (Exception e)
        {
            group[0].Result.TrySetException(e);
        }
    }

    /// <summary>The identity graph of the collected observations (docs/identity.md), with every refused merge.</summary>
    public IdentityGraph GetIdentityGraph()
    {
        Enter();
        try
        {
            return ReadIdentityGraph() ?? IdentityGraph.Empty;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static ImportResult ToImportResult(CollectedBatch batch, List<CollectedMessage> messages)
    {
        var builder = new EventLogBuilder(Math.Max(16, messages.Count));
        var traitsSet = new HashSet<(string Case, string Name)>();
        var objects = new Dictionary<string, OcelObject>(StringComparer.Ordinal);
        var ocelEvents = new List<OcelEvent>();
        var relations = new List<OcelEventObject>();
        foreach (var message in messages)
        {
            var e = builder.AddEvent(message.CaseId, message.Activity, message.Timestamp);
            if (message.Channel is { Length: > 0 } channel)
            {
                builder.SetChannel(e, channel);
            }

            builder.SetEventAttribute(e, EventIdentity.GivenIdAttribute, AttributeValue.FromString(message.MessageId));
            foreach (var (name, value) in message.Properties)
            {
                if (!string.Equals(name, EventIdentity.GivenIdAttribute, StringComparison.Ordinal))
                {
                    builder.SetEventAttribute(e, name, value);
                }
            }

            // The store keeps a case attribute's first value; so does a request (the earliest message sent first).
            foreach (var (name, value) in message.Traits)
            {
                if (traitsSet.Add((message.CaseId, name)))
                {
                    builder.SetCaseAttribute(message.CaseId, name, value);
                }
            }

            if (message.Objects.Count > 0)
            {
                ocelEvents.Add(new OcelEvent(message.MessageId, message.Activity, message.Timestamp, []));
                foreach (var o in message.Objects)
                {
                    objects.TryAdd(o.Id, new OcelObject(o.Id, o.Type, []));
                    relations.Add(new OcelEventObject(message.MessageId, o.Id, o.Qualifier));
                }
            }
        }

        return new ImportResult(builder.Build(), batch.Format, messages.Count + batch.Rejected.Count, batch.Rejected, [])
        {
            Objects = ocelEvents.Count == 0 ? null : new ObjectCentricData(ocelEvents, [.. objects.Values], relations, []),
        };
    }

    private void AppendMessageIds(List<CollectedMessage> messages, long importId, long receivedTicks)
    {
        using var appender = _connection.CreateAppender("collector_messages");
        foreach (var message in messages)
        {
            appender.CreateRow().AppendValue(message.MessageId).AppendValue(receivedTicks).AppendValue(importId).EndRow();
        }
    }

    /// <summary>Stores the messages' known ids and links, skipping those already stored at the same or an earlier time.</summary>
    private long AppendIdentity(List<CollectedMessage> messages, long importId)
    {
        var known = new Dictionary<string, (long Ticks, string Message)>(StringComparer.Ordinal);
        var links = new Dictionary<(string, string), (long Ticks, string Message)>();
        foreach (var message in messages)
        {
            foreach (var id in message.KnownIds)
            {
                if (!known.TryGetValue(id, out var seen) || message.Timestamp.UtcTicks < seen.Ticks)
                {
                    known[id] = (message.Timestamp.UtcTicks, message.MessageId);
                }
            }

            foreach (var link in message.Links)
            {
                var key = (link.AnonymousId, link.CustomerId);
                if (!links.TryGetValue(key, out var seen) || link.UtcTicks < seen.Ticks)
                {
                    links[key] = (link.UtcTicks, message.MessageId);
                }
            }
        }

        if (known.Count == 0 && links.Count == 0)
        {
            return 0;
        }

        Execute("CREATE OR REPLACE TEMP TABLE stage_identity (kind VARCHAR, anonymous_id VARCHAR, customer_id VARCHAR, ts BIGINT, message_id VARCHAR)");
        using (var appender = _connection.CreateAppender("stage_identity"))
        {
            foreach (var (id, (ticks, message)) in known)
            {
                appender.CreateRow().AppendValue("known").AppendNullValue().AppendValue(id).AppendValue(ticks).AppendValue(message).EndRow();
            }

            foreach (var ((anonymous, customer), (ticks, message)) in links)
            {
                appender.CreateRow().AppendValue("link").AppendValue(anonymous).AppendValue(customer).AppendValue(ticks).AppendValue(message).EndRow();
            }
        }

        var added = Execute(
            $"INSERT INTO identity_links SELECT kind, anonymous_id, customer_id, ts, message_id, {importId} FROM stage_identity s " +
            "WHERE NOT EXISTS (SELECT 1 FROM identity_links l WHERE l.kind = s.kind AND l.customer_id = s.customer_id " +
            "AND l.anonymous_id IS NOT DISTINCT FROM s.anonymous_id AND l.ts <= s.ts)");
        Execute("DROP TABLE stage_identity");
        return added;
    }

    /// <summary>Deletes message ids older than the retention, at most once an hour per database; true when it ran.</summary>
    private bool PruneMessageIds(DateTimeOffset now, TimeSpan retention)
    {
        if (now.UtcTicks - _shared.LastMessagePruneTicks < PruneInterval.Ticks)
        {
            return false;
        }

        var keep = retention < MinimumMessageRetention ? MinimumMessageRetention : retention;
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM collector_messages WHERE received_ticks < $cutoff";
        command.Parameters.Add(new DuckDBParameter("cutoff", now.UtcTicks - keep.Ticks));
        var deleted = command.ExecuteNonQuery();
        _shared.LastMessagePruneTicks = now.UtcTicks;
        return deleted > 0;
    }

    private void WriteVersion(long version)
    {
        using var update = _connection.CreateCommand();
        update.CommandText = "UPDATE meta SET value = $value WHERE key = 'workspace_version'";
        update.Parameters.Add(new DuckDBParameter("value", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        update.ExecuteNonQuery();
    }

    /// <summary>
    /// The refused merges, in the whole graph, of the anonymous ids that <paramref name="messages"/> link: those their
    /// own links caused and those an earlier link of theirs now causes for links stored before.
    /// </summary>
    private IReadOnlyList<RefusedMerge> RefusalsOf(List<CollectedMessage> messages)
    {
        var anonymous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            foreach (var link in message.Links)
            {
                anonymous.Add(link.AnonymousId);
            }
        }

        if (anonymous.Count == 0 || ReadIdentityGraph() is not { } graph)
        {
            return [];
        }

        return graph.Refused.Where(r => anonymous.Contains(r.AnonymousId)).ToList();
    }

    /// <summary>The graph of the stored observations, or null when there is no link (nothing to merge or refuse).</summary>
    private IdentityGraph? ReadIdentityGraph()
    {
        if (Scalar("SELECT count(*) FROM identity_links WHERE kind = 'link'") == 0)
        {
            return null;
        }

        var known = new List<string>();
        var links = new List<IdentityLink>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT kind, anonymous_id, customer_id, min(ts) FROM identity_links GROUP BY kind, anonymous_id, customer_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (string.Equals(reader.GetString(0), "known", StringComparison.Ordinal))
            {
                known.Add(reader.GetString(2));
            }
            else
            {
                links.Add(new IdentityLink(reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
            }
        }

        return IdentityGraph.Build(known, links);
    }
}
