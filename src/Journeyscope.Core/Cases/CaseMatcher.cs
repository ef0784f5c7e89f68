using Journeyscope.EventLogs;

namespace Journeyscope.Cases;

/// <summary>
/// Whether a case has an activity, a directly-follows edge and a variant's sequence (each only when asked). With a map
/// view, the edge is matched in the case's trace without the hidden activities, as the map's edges are counted (hiding B
/// turns A→B→C into A→C), and a node or edge the map does not draw matches no case.
/// </summary>
internal sealed class CaseMatcher(EventLog log, string? activity, string? from, string? to, int[]? sequence, CaseMapView? view)
{
    // An unknown activity name matches no case (code -2 never occurs); null means "not asked".
    private readonly int? _activity = activity is null ? null : Code(log, activity);
    private readonly int? _from = from is null ? null : Code(log, from);
    private readonly int? _to = to is null ? null : Code(log, to);

    public bool Matches(int c)
    {
        if (view is { OnMap: false })
        {
            return false;
        }

        var trace = log.CaseActivities(c);
        if (sequence is not null && !trace.SequenceEqual(sequence))
        {
            return false;
        }

        if (_activity is { } a && !trace.Contains(a))
        {
            return false;
        }

        if (_from is { } f && _to is { } t)
        {
            return view is null ? Follows(trace, f, t) : FollowsProjected(trace, f, t, view.KeptActivities);
        }

        return true;
    }

    private static bool Follows(ReadOnlySpan<int> trace, int from, int to)
    {
        for (var i = 1; i < trace.Length; i++)
        {
            if (trace[i - 1] == from && trace[i] == to)
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowsProjected(ReadOnlySpan<int> trace, int from, int to, IReadOnlyList<bool> kept)
    {
        var previous = -1;
        foreach (var a in trace)
        {
            if (!kept[a])
            {
                continue;
            }

            if (previous == from && a == to)
            {
                return true;
            }

            previous = a;
        }

        return false;
    }

    private static int Code(EventLog log, string name)
    {
        var code = log.FindActivity(name);
        return code < 0 ? -2 : code;
    }
}
