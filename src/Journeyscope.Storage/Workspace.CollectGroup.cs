using System.Globalization;
using Journeyscope.IO;
using Journeyscope.Storage.Collector;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <summary>
    /// Writes the requests of one group commit in one transaction and returns each request's summary, in order. A
    /// message id repeated in the group is stored once (the first wins); ids already stored are skipped.
    /// </summary>
    private CollectSummary[] CollectGroup(List<CollectedBatch> batches, CollectLimits limits)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<CollectedMessage>();
        foreach (var batch in batches)
        {
            foreach (var message in batch.Messages)
            {
                if (seen.Add(message.MessageId))
                {
                    candidates.Add(message);
                }
            }
        }

        var stored = StoredMessageIds(candidates);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in _registry.All)
        {
            names.Add(attribute.Name);
        }

        seen.Clear();
        var fresh = new List<CollectedMessage>[batches.Count];
        var capped = new List<QuarantinedRecord>[batches.Count];
        var suppressed = new int[batches.Count];
        var anything = false;
        for (var b = 0; b < batches.Count; b++)
        {
            fresh[b] = [];
            capped[b] = [];
            var messages = batches[b].Messages;
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i];
                if (stored.Contains(message.MessageId) || !seen.Add(message.MessageId))
                {
                    continue;
                }

                if (OverNameCap(message, names, limits.MaxAttributeNames) is { } reason)
                {
                    capped[b].Add(new QuarantinedRecord(batches[b].Source, i + 1, 0, "properties", reason,
                        $"messageId={message.MessageId}; event={message.Activity}"));
                }
                else
                {
                    fresh[b].Add(message);
                }
            }

            // Messages of erased customers are dropped here, before any of their ids is stored (docs/erasure.md).
            var (kept, refused) = WithoutErased(fresh[b], batches[b].Source);
            fresh[b] = kept;
            suppressed[b] = refused.Count;
            capped[b].AddRange(refused);
            anything |= fresh[b].Count > 0 || capped[b].Count > 0 || batches[b].Rejected.Count > 0;
        }

        var version = _shared.Version;
        if (anything)
        {
            version = WriteGroup(batches, fresh, capped, limits);
        }

        var summaries = new CollectSummary[batches.Count];
        var refusals = anything ? RefusalsOf([.. fresh.SelectMany(f => f)]) : [];
        for (var b = 0; b < batches.Count; b++)
        {
            summaries[b] = new CollectSummary(fresh[b].Count, batches[b].Messages.Count - fresh[b].Count - capped[b].Count,
                batches[b].Rejected.Count + capped[b].Count, version, b == 0 ? refusals : [])
            { Suppressed = suppressed[b] };
        }

        return summaries;
    }

    /// <summary>One transaction for the group: one append per (source, format), the message ids, the identity observations.</summary>
    private long WriteGroup(List<CollectedBatch> batches, List<CollectedMessage>[] fresh, List<QuarantinedRecord>[] capped, CollectLimits limits)
    {
        var parts = new List<(CollectedBatch Batch, List<CollectedMessage> Fresh)>();
        for (var b = 0; b < batches.Count; b++)
        {
            var index = parts.FindIndex(p => string.Equals(p.Batch.Source, batches[b].Source, StringComparison.Ordinal)
                && string.Equals(p.Batch.Format, batches[b].Format, StringComparison.Ordinal));
            if (index < 0)
            {
                parts.Add((new CollectedBatch(batches[b].Source, batches[b].Format, [], new List<QuarantinedRecord>()), []));
                index = parts.Count - 1;
            }

            parts[index].Fresh.AddRange(fresh[b]);
            var rejected = (List<QuarantinedRecord>)parts[index].Batch.Rejected;
            rejected.AddRange(batches[b].Rejected);
            rejected.AddRange(capped[b]);
        }

        var results = parts.ConvertAll(p => ToImportResult(p.Batch, p.Fresh));
        foreach (var result in results)
        {
            _registry.Widen(_connection, AttributeScope.Event, result.Log.EventAttributes);
            _registry.Widen(_connection, AttributeScope.Case, result.Log.CaseAttributes);
        }

        using var transaction = _connection.BeginTransaction();
        try
        {
            var before = ReadVersion();
            var version = before;
            long observations = 0;
            for (var p = 0; p < parts.Count; p++)
            {
                // collector_messages is the dedup of collected events: no semi-join against every stored event.
                var summary = Append(results[p], parts[p].Batch.Source, CancellationToken.None, checkStoredIds: false);
                AppendMessageIds(parts[p].Fresh, summary.ImportId, summary.ImportedAt.UtcTicks);
                observations += AppendIdentity(parts[p].Fresh, summary.ImportId);
                version = summary.Version;
            }

            if (observations > 0 && version == before)
            {
                version = before + 1;
                WriteVersion(version);
            }

            var pruned = PruneMessageIds(_time.GetUtcNow(), limits.MessageRetention);
            var touched = TouchedCases(fresh);
            WriteJournal(before, version, touched);
            transaction.Commit();
            _shared.Commit(version, touched);
            RememberMessageIds(fresh, pruned);
            return version;
        }
        catch
        {
            RollBack(transaction);
            throw;
        }
    }

    /// <summary>The raw case ids of the written messages and of the ids their identity observations name.</summary>
    private static HashSet<string> TouchedCases(List<CollectedMessage>[] fresh)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var messages in fresh)
        {
            foreach (var message in messages)
            {
                touched.Add(message.CaseId);
                touched.UnionWith(message.KnownIds);
                foreach (var link in message.Links)
                {
                    touched.Add(link.AnonymousId);
                    touched.Add(link.CustomerId);
                }
            }
        }

        return touched;
    }

    /// <summary>The reason <paramref name="message"/> would take the workspace past the cap on attribute names, or null (then its names are counted).</summary>
    private static string? OverNameCap(CollectedMessage message, HashSet<string> names, int cap)
    {
        List<string>? added = null;
        foreach (var (name, _) in message.Properties.Concat(message.Traits))
        {
            if (!names.Contains(name) && (added is null || !added.Contains(name, StringComparer.Ordinal)))
            {
                (added ??= []).Add(name);
            }
        }

        if (added is null)
        {
            return null;
        }

        if (names.Count + added.Count > cap)
        {
            var listed = string.Join(", ", added.Take(5)) + (added.Count > 5 ? ", ..." : string.Empty);
            return string.Create(CultureInfo.InvariantCulture,
                $"too many distinct property names: the workspace has {names.Count} of at most {cap}, and this message adds {added.Count} more ({listed}). ")
                + "Send fewer distinct property or trait names (ids belong in values, not names), or raise Journeyscope:Collector:MaxPropertyNames.";
        }

        names.UnionWith(added);
        return null;
    }

    /// <summary>The ids among <paramref name="messages"/> that <c>collector_messages</c> holds: the filter, then SQL for its hits only.</summary>
    private HashSet<string> StoredMessageIds(List<CollectedMessage> messages)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var filter = _shared.MessageIds.Get(_connection, CancellationToken.None);
        var suspects = messages.FindAll(m => filter.Contains(StoredIdFilter.HashOf(m.MessageId)));
        if (suspects.Count == 0)
        {
            return stored;
        }

        Execute("CREATE OR REPLACE TEMP TABLE stage_messages (message_id VARCHAR)");
        using (var appender = _connection.CreateAppender("stage_messages"))
        {
            foreach (var message in suspects)
            {
                appender.CreateRow().AppendValue(message.MessageId).EndRow();
            }
        }

        using (var command = _connection.CreateCommand())
        {
            command.CommandText =
                "SELECT s.message_id FROM stage_messages s WHERE EXISTS (SELECT 1 FROM collector_messages m WHERE m.message_id = s.message_id)";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Execute("DROP TABLE stage_messages");
        return stored;
    }

    /// <summary>
    /// After a commit: the new ids join the filter (also beside a background load); after a prune the filter is scanned
    /// again in the background, answering from the held set (a superset) meanwhile.
    /// </summary>
    private void RememberMessageIds(List<CollectedMessage>[] fresh, bool pruned)
    {
        var filter = _shared.MessageIds;
        if (filter.Wanted)
        {
            foreach (var batch in fresh)
            {
                foreach (var message in batch)
                {
                    filter.Add(StoredIdFilter.HashOf(message.MessageId));
                }
            }
        }

        if (pruned)
        {
            filter.Reload(ScanAside(filter), _shared.LoadsToken);
        }
    }
}
