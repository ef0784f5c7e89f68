using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Kpis;

/// <summary>
/// The one check that every name a journey's KPIs use for events exists: a touchpoint or stage of the journey, or an
/// activity of the log. The CLI's <c>kpi</c> (exit 1), the API (422) and the KPI page all use it.
/// </summary>
/// <remarks>
/// A filtered log keeps the whole log's activity dictionary, so a name that exists but has no events in a filtered
/// slice is known (the KPI then reports noData); only a name the workspace has never seen is unknown.
/// </remarks>
public static class KpiNames
{
    /// <summary>Every unknown event name of <paramref name="journey"/>'s KPIs, in KPI order; empty when all are known.</summary>
    /// <remarks>KPIs that are misconfigured otherwise (an unknown kind, an expression that does not parse) are left to <see cref="KpiEngine"/>.</remarks>
    public static IReadOnlyList<KpiUnknownName> Unknown(EventLog log, DesignedJourney journey)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Unknown(log.ActivityNames, journey);
    }

    /// <summary>
    /// Every unknown event name of <paramref name="journey"/>'s KPIs against <paramref name="activityNames"/> (the log's
    /// activities; their order decides between equally close suggestions), in KPI order; empty when all are known.
    /// </summary>
    public static IReadOnlyList<KpiUnknownName> Unknown(IReadOnlyList<string> activityNames, DesignedJourney journey)
    {
        ArgumentNullException.ThrowIfNull(activityNames);
        ArgumentNullException.ThrowIfNull(journey);
        var unknown = new List<KpiUnknownName>();
        var activities = new HashSet<string>(activityNames, StringComparer.Ordinal);
        List<string>? candidates = null;
        foreach (var kpi in journey.Kpis)
        {
            foreach (var (where, name) in EventNames(kpi))
            {
                if (activities.Contains(name) || journey.FindTouchpoint(name) is not null || journey.FindStage(name) is not null)
                {
                    continue;
                }

                candidates ??= Candidates(activityNames, journey);
                var suggestion = NameSuggestions.Closest(name, candidates);
                var location = kpi.Location.Line > 0 ? kpi.Location + ": " : string.Empty;
                var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
                var message = $"{location}KPI '{kpi.Id}' ({kpi.Name}), {where}: '{name}' is neither an activity of the workspace nor a touchpoint or stage " +
                    $"of journey '{journey.Id}', so the KPI would have no data.{hint}";
                unknown.Add(new KpiUnknownName(kpi.Id, where, name, suggestion, message));
            }
        }

        return unknown;
    }

    /// <summary>The event names <paramref name="kpi"/> uses, with where each is written.</summary>
    private static IEnumerable<(string Where, string Name)> EventNames(JourneyKpi kpi)
    {
        if (string.Equals(kpi.Kind, KpiCatalogue.Custom, StringComparison.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(kpi.Expression))
            {
                yield break;
            }

            KpiExpression expression;
            try
            {
                expression = KpiExpression.Parse(kpi.Expression);
            }
            catch (KpiExpressionException)
            {
                yield break;
            }

            foreach (var reference in expression.References)
            {
                if (reference.Kind == KpiExpressionReferenceKind.EventName)
                {
                    yield return ("expression", reference.Name);
                }
            }

            yield break;
        }

        if (KpiCatalogue.Find(kpi.Kind) is not { } kind)
        {
            yield break;
        }

        foreach (var (key, value) in kpi.Parameters)
        {
            if (kind.FindParameter(key) is { Type: KpiParameterType.Events } && !string.IsNullOrWhiteSpace(value))
            {
                yield return (key, value.Trim());
            }
        }
    }

    private static List<string> Candidates(IReadOnlyList<string> activityNames, DesignedJourney journey)
    {
        var names = new List<string>(activityNames);
        foreach (var touchpoint in journey.Touchpoints)
        {
            names.Add(touchpoint.Id);
        }

        foreach (var stage in journey.Stages)
        {
            names.Add(stage.Id);
        }

        return names;
    }
}
