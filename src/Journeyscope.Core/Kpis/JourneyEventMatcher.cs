using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>
/// Resolves the names KPIs use for events (an activity, a touchpoint id or a stage id) into a mask over the events of a
/// log, following the touchpoint mapping rules of docs/journeys.md.
/// </summary>
internal static class JourneyEventMatcher
{
    /// <summary>
    /// The events <paramref name="name"/> refers to: a touchpoint of <paramref name="journey"/> (its rule), a stage
    /// (any of its touchpoints), otherwise the activity of that name. <paramref name="kind"/> says which it was.
    /// </summary>
    public static bool[] Resolve(EventLog log, DesignedJourney? journey, string name, out string kind)
    {
        if (journey?.FindTouchpoint(name) is { } touchpoint)
        {
            kind = "touchpoint";
            return Match(log, journey, touchpoint);
        }

        if (journey?.FindStage(name) is not null)
        {
            kind = "stage";
            var mask = new bool[log.EventCount];
            foreach (var tp in journey.Touchpoints)
            {
                if (string.Equals(tp.Stage, name, StringComparison.Ordinal))
                {
                    var part = Match(log, journey, tp);
                    for (var e = 0; e < mask.Length; e++)
                    {
                        mask[e] |= part[e];
                    }
                }
            }

            return mask;
        }

        kind = "activity";
        return ActivityMask(log, log.FindActivity(name));
    }

    /// <summary>The events of activity code <paramref name="code"/> (none when it is -1).</summary>
    public static bool[] ActivityMask(EventLog log, int code)
    {
        var mask = new bool[log.EventCount];
        if (code < 0)
        {
            return mask;
        }

        var activities = log.Activities;
        for (var e = 0; e < mask.Length; e++)
        {
            mask[e] = activities[e] == code;
        }

        return mask;
    }

    /// <summary>
    /// The events that belong to <paramref name="touchpoint"/> by its own rule, ignoring earlier touchpoints (a KPI that
    /// names a touchpoint means every event its rule matches).
    /// </summary>
    public static bool[] Match(EventLog log, DesignedJourney journey, Touchpoint touchpoint)
    {
        try
        {
            return TouchpointMapping.MatchingEvents(touchpoint.Rule, log);
        }
        catch (FilterParseException e)
        {
            throw new KpiException($"journey '{journey.Id}': a condition of touchpoint '{touchpoint.Id}' is not valid: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new KpiException(
                $"journey '{journey.Id}': touchpoint '{touchpoint.Id}' has a rule that cannot be evaluated ({e.Message}); conditions must compare an event or case attribute (event.<name> or case.<name>)");
        }
    }
}
