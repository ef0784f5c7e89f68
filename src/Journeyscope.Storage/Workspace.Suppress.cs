using Journeyscope.EventLogs;
using Journeyscope.IO;
using Journeyscope.Storage.Collector;
using Journeyscope.Storage.Erasure;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <summary>
    /// The import without what belongs to an erased customer: their cases' events become quarantined records (reason
    /// <see cref="SuppressionList.Reason"/>, without their text), quarantined lines naming them lose their text, their
    /// objects and the object-centric events touching them are dropped. The import unchanged when nobody was erased.
    /// </summary>
    /// <remarks>Every refused event stays counted (read = imported + quarantined), its record numbered by its position in the import.</remarks>
    private ImportResult WithoutErased(ImportResult result, string sourceName)
    {
        if (SuppressionList.Read(_connection) is not { } suppression)
        {
            return result;
        }

        var log = result.Log;
        var kept = new List<int>(log.CaseCount);
        var quarantine = new List<QuarantinedRecord>(result.Quarantine.Count);
        foreach (var record in result.Quarantine)
        {
            quarantine.Add(suppression.Mentions(record.RawText) || suppression.Mentions(record.Reason) || suppression.Mentions(record.Field)
                ? new QuarantinedRecord(record.Source, record.Line, record.ByteOffset, null, SuppressionList.Reason, null)
                : record);
        }

        for (var c = 0; c < log.CaseCount; c++)
        {
            if (!suppression.Contains(log.CaseIds[c]))
            {
                kept.Add(c);
                continue;
            }

            for (var e = log.CaseStarts[c]; e < log.CaseStarts[c + 1]; e++)
            {
                quarantine.Add(new QuarantinedRecord(sourceName, e + 1L, -1, null, SuppressionList.Reason, null));
            }
        }

        var objects = result.Objects is { } data ? WithoutErased(data, suppression) : null;
        var changedQuarantine = !quarantine.SequenceEqual(result.Quarantine);
        if (kept.Count == log.CaseCount && !changedQuarantine && ReferenceEquals(objects, result.Objects))
        {
            return result;
        }

        var filtered = kept.Count == log.CaseCount ? log : log.SelectCases(kept.ToArray());
        return new ImportResult(filtered, result.Format, result.RecordsRead, quarantine, result.Warnings) { Objects = objects };
    }

    private static ObjectCentricData? WithoutErased(ObjectCentricData data, SuppressionList suppression)
    {
        var erasedObjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in data.Objects)
        {
            if (suppression.Contains(o.Id))
            {
                erasedObjects.Add(o.Id);
            }
        }

        foreach (var relation in data.EventObjects)
        {
            if (suppression.Contains(relation.ObjectId))
            {
                erasedObjects.Add(relation.ObjectId);
            }
        }

        if (erasedObjects.Count == 0)
        {
            return data;
        }

        var erasedEvents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relation in data.EventObjects)
        {
            if (erasedObjects.Contains(relation.ObjectId))
            {
                erasedEvents.Add(relation.EventId);
            }
        }

        return new ObjectCentricData(
            [.. data.Events.Where(e => !erasedEvents.Contains(e.Id))],
            [.. data.Objects.Where(o => !erasedObjects.Contains(o.Id))],
            [.. data.EventObjects.Where(r => !erasedEvents.Contains(r.EventId) && !erasedObjects.Contains(r.ObjectId))],
            [.. data.ObjectObjects.Where(r => !erasedObjects.Contains(r.SourceId) && !erasedObjects.Contains(r.TargetId))]);
    }

    /// <summary>
    /// Splits the collector's messages into those it may store and those of erased customers (any of their ids, links or
    /// known ids suppressed), which become quarantined records without their text, numbered by their place in the request.
    /// </summary>
    private (List<CollectedMessage> Kept, List<QuarantinedRecord> Refused) WithoutErased(List<CollectedMessage> messages, string source)
    {
        if (messages.Count == 0 || SuppressionList.Read(_connection) is not { } suppression)
        {
            return (messages, []);
        }

        var kept = new List<CollectedMessage>(messages.Count);
        var refused = new List<QuarantinedRecord>();
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (Names(message, suppression))
            {
                refused.Add(new QuarantinedRecord(source, i + 1L, -1, null, SuppressionList.Reason, null));
            }
            else
            {
                kept.Add(message);
            }
        }

        return (kept, refused);
    }

    private static bool Names(CollectedMessage message, SuppressionList suppression)
    {
        if (suppression.Contains(message.CaseId))
        {
            return true;
        }

        foreach (var id in message.KnownIds)
        {
            if (suppression.Contains(id))
            {
                return true;
            }
        }

        foreach (var link in message.Links)
        {
            if (suppression.Contains(link.AnonymousId) || suppression.Contains(link.CustomerId))
            {
                return true;
            }
        }

        foreach (var o in message.Objects)
        {
            if (suppression.Contains(o.Id))
            {
                return true;
            }
        }

        return false;
    }
}
