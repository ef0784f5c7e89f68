using System.Text.RegularExpressions;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Kpis;

namespace Journeyscope.IO.Journeys;

/// <summary>The checks that need the log: JS011 (a touchpoint whose rule matches no event) JS013 (a KPI naming events that exist nowhere) and JS022 (a customer attribute the log lacks).</summary>
public static partial class JourneyValidator
{
    private static void CheckMatches(DesignedJourney journey, EventLog log, List<JourneyDiagnostic> diagnostics)
    {
        foreach (var touchpoint in journey.Touchpoints)
        {
            try
            {
                if (MatchCount(touchpoint.Rule, log) > 0)
                {
                    continue;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                diagnostics.Add(JourneyRules.RegexTimeout(touchpoint.Rule.Location, touchpoint.Rule.ActivityPattern ?? string.Empty));
                continue;
            }

            string? suggestion = null;
            foreach (var activity in touchpoint.Rule.Activities)
            {
                if (log.FindActivity(activity) < 0)
                {
                    suggestion ??= NameSuggestions.Closest(activity, log.ActivityNames);
                }
            }

            diagnostics.Add(JourneyRules.MatchesNothing(touchpoint.Location, touchpoint.Id, suggestion));
        }
    }

    /// <summary>
    /// JS013: a built-in KPI's event parameter (for example <c>from</c>, <c>to</c>, <c>activity</c>) names something that is
    /// neither a touchpoint nor a stage of the journey nor an activity of the log, so the KPI could only ever say "no data".
    /// </summary>
    private static void CheckKpiEvents(DesignedJourney journey, EventLog log, List<JourneyDiagnostic> diagnostics)
    {
        foreach (var kpi in journey.Kpis)
        {
            if (KpiCatalogue.Find(kpi.Kind) is not { } kind)
            {
                continue;
            }

            foreach (var (key, value) in kpi.Parameters)
            {
                var name = value.Trim();
                if (kind.FindParameter(key) is not { Type: KpiParameterType.Events } || name.Length == 0 ||
                    journey.FindTouchpoint(name) is not null || journey.FindStage(name) is not null || log.FindActivity(name) >= 0)
                {
                    continue;
                }

                var known = journey.Touchpoints.Select(t => t.Id).Concat(journey.Stages.Select(s => s.Id)).Concat(log.ActivityNames);
                diagnostics.Add(JourneyRules.KpiNamesNothing(kpi.Location, kpi.Id, key, name, NameSuggestions.Closest(name, known.ToList())));
            }
        }
    }

    /// <summary>JS022: <c>customer:</c> names no case attribute of the log, so distinct customers cannot be counted.</summary>
    private static void CheckCustomer(DesignedJourney journey, EventLog log, List<JourneyDiagnostic> diagnostics)
    {
        if (journey.Customer is not { } customer || log.FindCaseAttribute(customer.Attribute) is not null)
        {
            return;
        }

        var names = new List<string>();
        foreach (var column in log.CaseAttributes)
        {
            names.Add(column.Name);
        }

        diagnostics.Add(JourneyRules.UnknownCustomer(customer.Location, customer.Attribute, NameSuggestions.Closest(customer.Attribute, names)));
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
