using Journeyscope.EventLogs;

namespace Journeyscope.Cases;

/// <summary>One case with its events in order: the result of <c>GET …/cases/{caseId}</c> and the case page.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="TimeBasis">The time basis of the log (it decides the order of the events).</param>
/// <param name="DurationSeconds">Last minus first event.</param>
/// <param name="Attributes">The case attributes that have a value.</param>
/// <param name="Events">The events, ordered by time (ties in source order).</param>
public sealed record CaseDetails(string CaseId, TimeBasis TimeBasis, double DurationSeconds, IReadOnlyDictionary<string, object?> Attributes, IReadOnlyList<CaseEvent> Events)
{
    /// <summary>The case <paramref name="caseId"/> of <paramref name="log"/> (ids are case-sensitive), or <c>null</c> when it has none.</summary>
    /// <param name="log">The log.</param>
    /// <param name="caseId">The case id.</param>
    public static CaseDetails? Find(EventLog log, string caseId)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(caseId);
        var c = -1;
        var ids = log.CaseIds;
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.Equals(ids[i], caseId, StringComparison.Ordinal))
            {
                c = i;
                break;
            }
        }

        if (c < 0)
        {
            return null;
        }

        var events = new List<CaseEvent>(log.CaseLength(c));
        for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
        {
            events.Add(new CaseEvent(
                e - log.CaseStart(c),
                log.ActivityNames[log.Activities[e]],
                log.GetTimestamp(e),
                log.StartTimestamps is { } starts && starts.IsValid(e) ? starts.GetValue(e)?.AsDateTimeOffset() : null,
                log.Lifecycle?.GetString(e),
                log.Resource?.GetString(e),
                log.Channel?.GetString(e),
                AttributeJson.Row(log.EventAttributes, e)));
        }

        var times = log.CaseTimestamps(c);
        var duration = times.IsEmpty ? 0 : (times[^1] - times[0]) / (double)TimeSpan.TicksPerSecond;
        return new CaseDetails(caseId, log.TimeBasis, duration, AttributeJson.Row(log.CaseAttributes, c), events);
    }
}
