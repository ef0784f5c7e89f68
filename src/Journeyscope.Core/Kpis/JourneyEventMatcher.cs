using System.Text.RegularExpressions;
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
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

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
        var rule = touchpoint.Rule;
        var codes = new bool[log.ActivityCount];
        var names = new HashSet<string>(rule.Activities, StringComparer.Ordinal);
        var pattern = rule.ActivityPattern is null
            ? null
            : new Regex("^(?:" + rule.ActivityPattern + ")$", RegexOptions.CultureInvariant, RegexTimeout);
        for (var a = 0; a < codes.Length; a++)
        {
            var activity = log.ActivityNames[a];
            codes[a] = names.Contains(activity) || (pattern is not null && pattern.IsMatch(activity));
        }

        var mask = new bool[log.EventCount];
        var activities = log.Activities;
        for (var e = 0; e < mask.Length; e++)
        {
            mask[e] = codes[activities[e]];
        }

        foreach (var condition in rule.Conditions)
        {
            ApplyCondition(log, journey, condition, mask);
        }

        return mask;
    }

    private static void ApplyCondition(EventLog log, DesignedJourney journey, string condition, Span<bool> mask)
    {
        LogFilter filter;
        try
        {
            filter = FilterParser.Parse(condition);
        }
        catch (FilterParseException e)
        {
            throw new KpiException($"journey '{journey.Id}': the touchpoint condition '{condition}' is not valid: {e.Message}");
        }

        switch (filter)
        {
            case EventAttributeFilter byEvent:
                AttributeMatcher.Create(EventAttributeFilter.Column(log, byEvent.Attribute), byEvent.Values)
                    .Apply(0, log.EventCount, mask, byEvent.Negate);
                break;
            case CaseAttributeFilter byCase:
                var keepCase = new bool[log.CaseCount];
                Array.Fill(keepCase, true);
                AttributeMatcher.Create(log.FindCaseAttribute(byCase.Attribute), byCase.Values)
                    .Apply(0, log.CaseCount, keepCase, byCase.Negate);
                for (var c = 0; c < log.CaseCount; c++)
                {
                    if (!keepCase[c])
                    {
                        mask[log.CaseStart(c)..log.CaseStart(c + 1)].Clear();
                    }
                }

                break;
            default:
                throw new KpiException(
                    $"journey '{journey.Id}': the touchpoint condition '{condition}' must compare an event or case attribute (event.<name> or case.<name>)");
        }
    }
}
