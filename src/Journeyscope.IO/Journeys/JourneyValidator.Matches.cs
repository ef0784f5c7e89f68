using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>JS011: touchpoints whose rule matches no event of the log.</summary>
public static partial class JourneyValidator
{
    private static void CheckMatches(DesignedJourney journey, EventLog log, List<JourneyDiagnostic> diagnostics)
    {
        foreach (var touchpoint in journey.Touchpoints)
        {
            if (MatchCount(touchpoint.Rule, log) > 0)
            {
                continue;
            }

            string? suggestion = null;
            foreach (var activity in touchpoint.Rule.Activities)
            {
                if (log.FindActivity(activity) < 0)
                {
                    suggestion ??= Suggestions.Closest(activity, log.ActivityNames);
                }
            }

            diagnostics.Add(JourneyRules.MatchesNothing(touchpoint.Location, touchpoint.Id, suggestion));
        }
    }

    /// <summary>Events the rule matches; a rule that cannot be compiled counts as matching, since JS004 already reports it.</summary>
    private static int MatchCount(TouchpointRule rule, EventLog log)
    {
        try
        {
            return TouchpointMapping.CountMatches(rule, log);
        }
        catch (ArgumentException)
        {
            return 1;
        }
        catch (FormatException)
        {
            return 1;
        }
    }
}
