using Journeyscope.Identity;

namespace Journeyscope.Storage;

public sealed partial class Workspace : IEventStore
{
    /// <inheritdoc />
    public StoredCases ReadAll(CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            var graph = ReadIdentityGraph() ?? IdentityGraph.Empty;
            var keys = new List<long>();
            var lastSeq = -1L;
            var log = Load(graph.MergeCount == 0 ? null : graph, string.Empty, string.Empty, Scalar("SELECT count(*) FROM events"), keys, ref lastSeq, cancellationToken);
            return new StoredCases(_shared.Version, log, [.. keys], graph) { LastSeq = lastSeq };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Under the workspace's gate, so the changes and the cases read belong to one version. The changed raw ids come from
    /// the in-memory journal of recent commits; every id whose stitched customer differs between <paramref name="graph"/>
    /// and the current graph is changed too, with both its old and its new customer. One query reads the changed cases.
    /// </remarks>
    public StoredChanges? ReadChangesSince(long version, IdentityGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return ReadSince(version, (_, touched, now) =>
        {
            var cases = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in touched)
            {
                cases.Add(graph.Resolve(id));
                cases.Add(now.Resolve(id));
            }

            foreach (var merges in new[] { graph.Merges, now.Merges })
            {
                foreach (var (anonymous, _) in merges)
                {
                    if (!string.Equals(graph.Resolve(anonymous), now.Resolve(anonymous), StringComparison.Ordinal))
                    {
                        cases.Add(anonymous);
                        cases.Add(graph.Resolve(anonymous));
                        cases.Add(now.Resolve(anonymous));
                    }
                }
            }

            return new StoredChanges(cases, ReadStitched(cases, now, cancellationToken));
        });
    }

    /// <summary>
    /// Under the gate, at one version: hands <paramref name="read"/> the current version, the raw case ids the commits since
    /// <paramref name="version"/> touched (from the change journal) and the current identity graph; null when the journal
    /// cannot tell (an unknown, missing or forgotten commit), without calling it.
    /// </summary>
    private T? ReadSince<T>(long version, Func<long, HashSet<string>, IdentityGraph, T> read)
        where T : class
    {
        Enter();
        try
        {
            var current = _shared.Version;
            return _shared.Journal.Since(version, current) is { } touched
                ? read(current, touched, ReadIdentityGraph() ?? IdentityGraph.Empty)
                : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public StoredCases ReadCases(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        Enter();
        try
        {
            return ReadStitched(caseIds, ReadIdentityGraph() ?? IdentityGraph.Empty, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The stitched cases <paramref name="cases"/>: the events of each case's own id and of the ids merged into it.</summary>
    private StoredCases ReadStitched(IReadOnlyCollection<string> cases, IdentityGraph graph, CancellationToken cancellationToken)
    {
        var wanted = cases as IReadOnlySet<string> ?? new HashSet<string>(cases, StringComparer.Ordinal);
        var raw = new HashSet<string>(cases, StringComparer.Ordinal);
        foreach (var (anonymous, customer) in graph.Merges)
        {
            if (wanted.Contains(customer))
            {
                raw.Add(anonymous);
            }
        }

        // A requested id merged into a customer has no case of its own: its events belong to the customer's case.
        raw.RemoveWhere(id => graph.IsMerged(id) && !wanted.Contains(graph.Resolve(id)));
        var keys = new List<long>();
        var log = Load(graph.MergeCount == 0 ? null : graph, raw, keys, cancellationToken);
        return new StoredCases(_shared.Version, log, [.. keys], graph) { LastSeq = LastSeq() };
    }

    /// <summary>The largest sequence number stored (-1 when no event is).</summary>
    private long LastSeq() => Scalar("SELECT coalesce(max(seq), -1) FROM events");
}
