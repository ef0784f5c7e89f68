namespace Journeyscope.Conformance;

/// <summary>One deviation of a case: its kind and what it concerns (a touchpoint id, or the activity of an unmapped step).</summary>
/// <param name="Kind">The kind of deviation.</param>
/// <param name="Subject">The touchpoint id; for an unmapped step, the event's activity name.</param>
/// <param name="IsTouchpoint">True when <paramref name="Subject"/> is a touchpoint of the journey, false for an unmapped step.</param>
public readonly record struct DeviationItem(DeviationKind Kind, string Subject, bool IsTouchpoint) : IComparable<DeviationItem>
{
    /// <summary>Orders by kind, then subject (ordinal).</summary>
    public int CompareTo(DeviationItem other)
    {
        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Subject, other.Subject);
    }

    /// <summary>Writes <c>kind:subject</c>, for example <c>skipped:pay</c>; unmapped steps read <c>inserted:?Activity</c>.</summary>
    public override string ToString() =>
        $"{KindName(Kind)}:{(IsTouchpoint ? string.Empty : "?")}{Subject}";

    /// <summary>The stable lower-case name of a kind: <c>skipped</c>, <c>inserted</c>, <c>out-of-order</c>, <c>repeated</c>.</summary>
    public static string KindName(DeviationKind kind) => kind switch
    {
        DeviationKind.Skipped => "skipped",
        DeviationKind.Inserted => "inserted",
        DeviationKind.OutOfOrder => "out-of-order",
        DeviationKind.Repeated => "repeated",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Compares two items as <see cref="CompareTo"/> does.</summary>
    public static bool operator <(DeviationItem left, DeviationItem right) => left.CompareTo(right) < 0;

    /// <summary>Compares two items as <see cref="CompareTo"/> does.</summary>
    public static bool operator >(DeviationItem left, DeviationItem right) => left.CompareTo(right) > 0;

    /// <summary>Compares two items as <see cref="CompareTo"/> does.</summary>
    public static bool operator <=(DeviationItem left, DeviationItem right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two items as <see cref="CompareTo"/> does.</summary>
    public static bool operator >=(DeviationItem left, DeviationItem right) => left.CompareTo(right) >= 0;
}
