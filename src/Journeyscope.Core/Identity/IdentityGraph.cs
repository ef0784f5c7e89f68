namespace Journeyscope.Identity;

/// <summary>
/// Which customer each anonymous id belongs to: the merges that follow from a set of known ids and links, under the
/// rules of docs/identity.md (junk ids never merge; two known customers never merge implicitly; an anonymous id belongs
/// to the customer of its earliest link).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A pure function of the <em>set</em> of observations: the order in which they are given
/// and repeats do not change the result. Every link target is a known id, so merges never chain and
/// <see cref="Resolve"/> is one look-up.
/// </remarks>
public sealed class IdentityGraph
{
    private readonly Dictionary<string, string> _merges;

    private IdentityGraph(Dictionary<string, string> merges, IReadOnlyList<RefusedMerge> refused, int knownCount)
    {
        _merges = merges;
        Refused = refused;
        KnownCount = knownCount;
    }

    /// <summary>The graph without any merge.</summary>
    public static IdentityGraph Empty { get; } = new([], [], 0);

    /// <summary>The applied merges, anonymous id to customer id, sorted ordinally by anonymous id.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Merges
    {
        get
        {
            var list = _merges.ToList();
            list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return list;
        }
    }

    /// <summary>The number of applied merges.</summary>
    public int MergeCount => _merges.Count;

    /// <summary>The number of distinct known (non-junk) customer ids.</summary>
    public int KnownCount { get; }

    /// <summary>Every refused link (one per distinct anonymous and customer pair), sorted by anonymous id, customer id.</summary>
    public IReadOnlyList<RefusedMerge> Refused { get; }

    /// <summary>The customer <paramref name="id"/> belongs to: its merge target, or the id itself.</summary>
    public string Resolve(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _merges.TryGetValue(id, out var customer) ? customer : id;
    }

    /// <summary>Whether <paramref name="id"/> merges into another id.</summary>
    public bool IsMerged(string id) => _merges.ContainsKey(id);

    /// <summary>Builds the graph from the known ids and the links (in any order, repeats allowed).</summary>
    /// <param name="knownIds">Ids known to be customers (Segment <c>userId</c>s, PostHog identified ids); link targets are added.</param>
    /// <param name="links">Anonymous-to-customer observations.</param>
    public static IdentityGraph Build(IEnumerable<string> knownIds, IEnumerable<IdentityLink> links)
    {
        ArgumentNullException.ThrowIfNull(knownIds);
        ArgumentNullException.ThrowIfNull(links);

        // The earliest observation of each distinct pair: the only one any rule looks at.
        var pairs = new Dictionary<(string Anonymous, string Customer), long>();
        foreach (var link in links)
        {
            ArgumentNullException.ThrowIfNull(link.AnonymousId, nameof(links));
            ArgumentNullException.ThrowIfNull(link.CustomerId, nameof(links));
            var key = (link.AnonymousId, link.CustomerId);
            if (!pairs.TryGetValue(key, out var ticks) || link.UtcTicks < ticks)
            {
                pairs[key] = link.UtcTicks;
            }
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in knownIds)
        {
            if (!JunkIds.IsJunk(id))
            {
                known.Add(id);
            }
        }

        foreach (var (anonymous, customer) in pairs.Keys)
        {
            if (!JunkIds.IsJunk(customer) && !string.Equals(anonymous, customer, StringComparison.Ordinal))
            {
                known.Add(customer);
            }
        }

        var refused = new List<RefusedMerge>();
        var winners = new Dictionary<string, (string Customer, long Ticks)>(StringComparer.Ordinal);
        var candidates = new List<(string Anonymous, string Customer, long Ticks)>();
        foreach (var ((anonymous, customer), ticks) in pairs)
        {
            if (string.Equals(anonymous, customer, StringComparison.Ordinal))
            {
                continue; // an id linked to itself: nothing to merge
            }

            if (JunkIds.IsJunk(anonymous) || JunkIds.IsJunk(customer))
            {
                refused.Add(new RefusedMerge(anonymous, customer, ticks, MergeRefusal.JunkId, null));
            }
            else if (known.Contains(anonymous))
            {
                refused.Add(new RefusedMerge(anonymous, customer, ticks, MergeRefusal.BothKnown, null));
            }
            else
            {
                candidates.Add((anonymous, customer, ticks));
                if (!winners.TryGetValue(anonymous, out var best) || Earlier(ticks, customer, best.Ticks, best.Customer))
                {
                    winners[anonymous] = (customer, ticks);
                }
            }
        }

        var merges = new Dictionary<string, string>(winners.Count, StringComparer.Ordinal);
        foreach (var (anonymous, (customer, _)) in winners)
        {
            merges.Add(anonymous, customer);
        }

        foreach (var (anonymous, customer, ticks) in candidates)
        {
            var kept = merges[anonymous];
            if (!string.Equals(kept, customer, StringComparison.Ordinal))
            {
                refused.Add(new RefusedMerge(anonymous, customer, ticks, MergeRefusal.AlreadyMerged, kept));
            }
        }

        refused.Sort(static (a, b) =>
        {
            var byAnonymous = string.CompareOrdinal(a.AnonymousId, b.AnonymousId);
            return byAnonymous != 0 ? byAnonymous : string.CompareOrdinal(a.CustomerId, b.CustomerId);
        });
        return new IdentityGraph(merges, refused, known.Count);
    }

    /// <summary>The order of links of one anonymous id: earlier time first, then the customer id (ordinal).</summary>
    private static bool Earlier(long ticks, string customer, long bestTicks, string bestCustomer) =>
        ticks < bestTicks || (ticks == bestTicks && string.CompareOrdinal(customer, bestCustomer) < 0);
}
