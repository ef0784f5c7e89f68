using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Keeps the cases in which one activity directly or eventually follows another (or, negated, never does).</summary>
/// <remarks>Case-level. O(k) per case of k events. Syntax: <c>follows A -> B</c>, <c>eventually A -> B</c>, <c>not follows A -> B</c>.</remarks>
public sealed class RelationFilter : CaseFilter
{
    /// <summary>Creates the filter.</summary>
    public RelationFilter(RelationKind kind, string from, string to, bool negate = false)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown relation.");
        }

        Kind = kind;
        From = from;
        To = to;
        Negate = negate;
    }

    /// <summary>Directly or eventually follows.</summary>
    public RelationKind Kind { get; }

    /// <summary>The earlier activity.</summary>
    public string From { get; }

    /// <summary>The later activity.</summary>
    public string To { get; }

    /// <summary>Whether cases with the relation are dropped (rather than kept).</summary>
    public bool Negate { get; }

    /// <inheritdoc />
    public override string ToString() =>
        (Negate ? "not " : string.Empty) + (Kind == RelationKind.DirectlyFollows ? "follows " : "eventually ") +
        FilterSyntax.Quote(From) + " -> " + FilterSyntax.Quote(To);

    internal override CasePredicate Prepare(EventLog log, ReadOnlySpan<bool> kept) =>
        new Predicate(log, log.FindActivity(From), log.FindActivity(To), Kind == RelationKind.DirectlyFollows, Negate);

    private sealed class Predicate(EventLog log, int from, int to, bool directly, bool negate) : CasePredicate
    {
        public override void Apply(int fromCase, int toCase, Span<bool> keep)
        {
            for (var c = fromCase; c < toCase; c++)
            {
                if (keep[c])
                {
                    keep[c] = Holds(log.CaseActivities(c)) != negate;
                }
            }
        }

        private bool Holds(ReadOnlySpan<int> activities)
        {
            if (from < 0 || to < 0)
            {
                return false;
            }

            var seenFrom = false;
            for (var i = 0; i < activities.Length; i++)
            {
                var a = activities[i];
                if (a == to && seenFrom)
                {
                    return true;
                }

                // Directly: only the immediately previous event counts. Eventually: any earlier one.
                seenFrom = directly ? a == from : seenFrom || a == from;
            }

            return false;
        }
    }
}
