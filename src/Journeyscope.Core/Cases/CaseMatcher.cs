using Journeyscope.EventLogs;

namespace Journeyscope.Cases;

/// <summary>Whether a case has an activity, a directly-follows edge and a variant's sequence (each only when asked).</summary>
internal sealed class CaseMatcher(EventLog log, string? activity, string? from, string? to, int[]? sequence)
{
    // An unknown activity name matches no case (code -2 never occurs); null means "not asked".
    private readonly int? _activity = activity is null ? null : Code(log, activity);
    private readonly int? _from = from is null ? null : Code(log, from);
    private readonly int? _to = to is null ? null : Code(log, to);

    public bool Matches(int c)
    {
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
            for (var i = 1; i < trace.Length; i++)
            {
                if (trace[i - 1] == f && trace[i] == t)
                {
                    return true;
                }
            }

            return false;
        }

        return true;
    }

    private static int Code(EventLog log, string name)
    {
        var code = log.FindActivity(name);
        return code < 0 ? -2 : code;
    }
}
