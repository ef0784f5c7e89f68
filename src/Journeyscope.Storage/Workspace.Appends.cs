using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Identity;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <inheritdoc />
    /// <remarks>
    /// Under the workspace's gate, at one version. The events are read by their sequence number (<c>seq &gt; afterSeq</c>):
    /// appends number their events after the last stored one, in insertion order, so DuckDB's zone maps on <c>seq</c> skip
    /// every row group stored before and the read costs in proportion to the appended events, not to the log. Case rows
    /// (attributes) are read for the changed cases only, and only when case attributes exist. An anonymous id newly merged
    /// into a customer is answered as a join (the caller holds its events); any other identity change (an id moving between
    /// customers) has its cases read whole, as <see cref="ReadChangesSince"/> does.
    /// </remarks>
    public StoredAppend? ReadAppendedSince(long version, long afterSeq, IdentityGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return ReadSince(version, (current, touched, now) => ReadAppended(current, touched, graph, now, afterSeq, cancellationToken));
    }

    /// <summary>
    /// <see cref="ReadAppendedSince"/> under the gate at <paramref name="current"/>: the events stored after
    /// <paramref name="afterSeq"/> with the changed cases' attributes (<paramref name="touched"/> and those events' cases,
    /// stitched under <paramref name="now"/>), the joins from <paramref name="graph"/> to <paramref name="now"/>, and the
    /// cases of any other identity change read whole.
    /// </summary>
    private StoredAppend ReadAppended(
        long current, HashSet<string> touched, IdentityGraph graph, IdentityGraph now, long afterSeq, CancellationToken cancellationToken)
    {
        var (joined, removed) = IdentityChanges(graph, now);

        // Every raw id with events after the mark, and the new mark (the largest seq, whichever case it belongs to).
        var fresh = new List<string>();
        var lastSeq = afterSeq;
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"SELECT case_id, max(seq) FROM events WHERE seq > {afterSeq} GROUP BY case_id");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                fresh.Add(reader.GetString(0));
                lastSeq = Math.Max(lastSeq, reader.GetInt64(1));
            }
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in touched)
        {
            changed.Add(now.Resolve(id));
        }

        foreach (var id in fresh)
        {
            changed.Add(now.Resolve(id));
        }

        changed.UnionWith(joined.Values);
        changed.ExceptWith(removed);

        // The raw ids whose rows make up the changed cases, and those of the cases read whole (excluded here).
        var rawChanged = new HashSet<string>(changed, StringComparer.Ordinal);
        var rawRemoved = new HashSet<string>(removed, StringComparer.Ordinal);
        foreach (var (anonymous, customer) in now.Merges)
        {
            if (changed.Contains(customer))
            {
                rawChanged.Add(anonymous);
            }
            else if (removed.Contains(customer))
            {
                rawRemoved.Add(anonymous);
            }
        }

        var eventFilter = string.Create(CultureInfo.InvariantCulture, $" WHERE seq > {afterSeq}") +
            (rawRemoved.Count == 0 ? string.Empty : " AND case_id NOT IN (" + Literals(rawRemoved) + ")");
        var keys = new List<long>();
        var read = afterSeq;
        var log = Load(now.MergeCount == 0 ? null : now, eventFilter, " WHERE case_id IN (" + Literals(rawChanged) + ")",
            fresh.Count * 16L, keys, ref read, cancellationToken);
        var appended = new StoredCases(current, log, [.. keys], now) { LastSeq = lastSeq };
        var whole = removed.Count == 0
            ? new StoredCases(current, EventLog.Empty, [], now) { LastSeq = lastSeq }
            : ReadStitched(removed, now, cancellationToken);
        return new StoredAppend(appended, joined, removed, whole);
    }

    /// <summary>
    /// How the stitching changed between <paramref name="before"/> and <paramref name="after"/>: anonymous ids that had a
    /// case of their own and now belong to a customer (joins), and the stitched ids of every other change (an anonymous id
    /// moving from one customer to another: both customers and the id, to be read whole; a join into such a case too).
    /// </summary>
    private static (Dictionary<string, string> Joined, HashSet<string> Removed) IdentityChanges(IdentityGraph before, IdentityGraph after)
    {
        var joined = new Dictionary<string, string>(StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var merges in new[] { before.Merges, after.Merges })
        {
            foreach (var (anonymous, _) in merges)
            {
                var was = before.Resolve(anonymous);
                var now = after.Resolve(anonymous);
                if (string.Equals(was, now, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!before.IsMerged(anonymous))
                {
                    joined[anonymous] = now;
                }
                else
                {
                    removed.Add(anonymous);
                    removed.Add(was);
                    removed.Add(now);
                }
            }
        }

        foreach (var (anonymous, customer) in joined)
        {
            if (removed.Contains(customer))
            {
                removed.Add(anonymous);
            }
        }

        foreach (var id in removed)
        {
            joined.Remove(id);
        }

        return (joined, removed);
    }
}
