using Journeyscope.Journeys;

namespace Journeyscope.IO.Journeys;

/// <summary>Identity and reference rules: duplicate ids, unknown names, unused stages and touchpoints, KPI cycles.</summary>
public static partial class JourneyValidator
{
    private static void CheckIds(DesignedJourney journey, List<JourneyDiagnostic> diagnostics)
    {
        // Stages and touchpoints share one namespace: time targets may name either.
        var shared = new Dictionary<string, (string Kind, SourceLocation At)>(StringComparer.Ordinal);
        if (!ReferenceEquals(journey.Stages, DesignedJourney.DefaultStages))
        {
            foreach (var stage in journey.Stages)
            {
                Claim(shared, "stage", stage.Id, stage.Location, diagnostics);
            }
        }
        else
        {
            foreach (var stage in journey.Stages)
            {
                shared.TryAdd(stage.Id, ("stage", stage.Location));
            }
        }

        foreach (var touchpoint in journey.Touchpoints)
        {
            Claim(shared, "touchpoint", touchpoint.Id, touchpoint.Location, diagnostics);
        }

        Unique(journey.Personas, "persona", static p => (p.Id, p.Location), diagnostics);
        Unique(journey.Kpis, "KPI", static k => (k.Id, k.Location), diagnostics);
        Unique(journey.CriticalSuccessFactors, "critical success factor", static f => (f.Id, f.Location), diagnostics);
        Unique(journey.TimeTargets, "time target", static t => (t.Id, t.Location), diagnostics);
        Unique(journey.Rules, "rule", static r => (r.Id, r.Location), diagnostics);
    }

    private static void Claim(
        Dictionary<string, (string Kind, SourceLocation At)> ids, string kind, string id, SourceLocation at, List<JourneyDiagnostic> diagnostics)
    {
        if (id.Length == 0)
        {
            return;
        }

        if (ids.TryGetValue(id, out var first))
        {
            diagnostics.Add(JourneyRules.DuplicateId(at, kind, id, first.Kind, first.At));
        }
        else
        {
            ids.Add(id, (kind, at));
        }
    }

    private static void Unique<T>(IReadOnlyList<T> items, string kind, Func<T, (string Id, SourceLocation At)> key, List<JourneyDiagnostic> diagnostics)
    {
        var ids = new Dictionary<string, (string Kind, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var (id, at) = key(item);
            Claim(ids, kind, id, at, diagnostics);
        }
    }

    private static void CheckReferences(DesignedJourney journey, List<JourneyDiagnostic> diagnostics)
    {
        var touchpointIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var touchpoint in journey.Touchpoints)
        {
            touchpointIds.Add(touchpoint.Id);
        }

        var stageIds = new List<string>();
        foreach (var stage in journey.Stages)
        {
            stageIds.Add(stage.Id);
        }

        var kpiIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kpi in journey.Kpis)
        {
            kpiIds.Add(kpi.Id);
        }

        var inFlow = new HashSet<string>(StringComparer.Ordinal);
        if (journey.Flow is { } flow)
        {
            CheckFlow(flow, touchpointIds, inFlow, journey.Location, diagnostics);
            CheckFlowSize(flow, journey.Location, diagnostics);
        }

        var usedStages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var touchpoint in journey.Touchpoints)
        {
            usedStages.Add(touchpoint.Stage);
            if (touchpoint.Stage.Length > 0 && !stageIds.Contains(touchpoint.Stage))
            {
                diagnostics.Add(JourneyRules.UnknownStage(touchpoint.Location, touchpoint.Id, touchpoint.Stage, stageIds));
            }

            if (journey.Flow is not null && touchpoint.Id.Length > 0 && !inFlow.Contains(touchpoint.Id))
            {
                diagnostics.Add(JourneyRules.NotInFlow(touchpoint.Location, touchpoint.Id));
            }
        }

        if (!JourneyStages.IsDefault(journey.Stages))
        {
            foreach (var stage in journey.Stages)
            {
                if (stage.Id.Length > 0 && !usedStages.Contains(stage.Id))
                {
                    diagnostics.Add(JourneyRules.EmptyStage(stage.Location, stage.Id));
                }
            }
        }

        var either = new List<string>(touchpointIds);
        either.AddRange(stageIds);
        foreach (var kpi in journey.Kpis)
        {
            var context = $"KPI '{kpi.Id}'";
            References(kpi.Stages, stageIds, context, "stage", kpi.Location, diagnostics);
            References(kpi.Touchpoints, touchpointIds, context, "touchpoint", kpi.Location, diagnostics);
            References(kpi.Drivers, kpiIds, context, "KPI", kpi.Location, diagnostics);
        }

        foreach (var factor in journey.CriticalSuccessFactors)
        {
            References(factor.Kpis, kpiIds, $"critical success factor '{factor.Id}'", "KPI", factor.Location, diagnostics);
        }

        foreach (var target in journey.TimeTargets)
        {
            var context = $"time target '{target.Id}'";
            References([target.From, target.To], either, context, "touchpoint or stage", target.Location, diagnostics);
        }

        foreach (var rule in journey.Rules)
        {
            var context = $"rule '{rule.Id}'";
            References(rule.On, either, context, "touchpoint or stage", rule.Location, diagnostics);
            References(rule.Unless, either, context, "touchpoint or stage", rule.Location, diagnostics);
        }

        foreach (var rate in journey.Value?.Kpis ?? [])
        {
            References([rate.Kpi], kpiIds, $"value entry for '{rate.Kpi}'", "KPI", rate.Location, diagnostics);
        }

        foreach (var solution in journey.Solutions)
        {
            var context = $"solution '{solution.Id}'";
            References(solution.Touchpoints, touchpointIds, context, "touchpoint", solution.Location, diagnostics);
            foreach (var kind in solution.Kinds)
            {
                if (Array.IndexOf(JourneyKeys.OpportunityKinds, kind) < 0)
                {
                    diagnostics.Add(JourneyRules.UnknownOpportunityKind(solution.Location, context, kind, JourneyKeys.OpportunityKinds));
                }
            }
        }
    }

    private static void References(
        IReadOnlyList<string> ids, IReadOnlyCollection<string> known, string context, string kind, SourceLocation at, List<JourneyDiagnostic> diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (id.Length > 0 && !known.Contains(id) && seen.Add(id))
            {
                diagnostics.Add(JourneyRules.UnknownReference(at, context, kind, id, known));
            }
        }
    }

    private static void CheckFlow(
        ProcessTree flow, HashSet<string> touchpoints, HashSet<string> inFlow, SourceLocation fallback, List<JourneyDiagnostic> diagnostics)
    {
        // Leaves left to right with an explicit stack: the flow comes from a file.
        var pending = new Stack<ProcessTree>();
        pending.Push(flow);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Operator != ProcessTreeOperator.Leaf)
            {
                for (var i = node.Children.Count - 1; i >= 0; i--)
                {
                    pending.Push(node.Children[i]);
                }

                continue;
            }

            if (node.Label is { } label)
            {
                inFlow.Add(label);
                if (!touchpoints.Contains(label))
                {
                    var at = node.Location == default ? fallback : node.Location;
                    diagnostics.Add(JourneyRules.UnknownFlowTouchpoint(at, label, touchpoints));
                }
            }
        }
    }

    private static void CheckKpiCycles(DesignedJourney journey, List<JourneyDiagnostic> diagnostics)
    {
        var byId = new Dictionary<string, JourneyKpi>(StringComparer.Ordinal);
        foreach (var kpi in journey.Kpis)
        {
            byId.TryAdd(kpi.Id, kpi);
        }

        // Depth-first search; 0 = unvisited, 1 = on the current path, 2 = done. Each cycle is reported once, at the KPI that closes it.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var kpi in journey.Kpis)
        {
            Visit(kpi.Id);
        }

        void Visit(string id)
        {
            if (!byId.TryGetValue(id, out var kpi) || state.GetValueOrDefault(id) == 2)
            {
                return;
            }

            state[id] = 1;
            path.Add(id);
            foreach (var driver in kpi.Drivers)
            {
                var driverState = state.GetValueOrDefault(driver);
                if (driverState == 1)
                {
                    var cycle = path.GetRange(path.IndexOf(driver), path.Count - path.IndexOf(driver));
                    cycle.Add(driver);
                    diagnostics.Add(JourneyRules.KpiCycle(kpi.Location, cycle));
                }
                else if (driverState == 0)
                {
                    Visit(driver);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }
    }
}
