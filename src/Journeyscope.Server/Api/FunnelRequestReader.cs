using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Funnels;
using Journeyscope.Journeys;
using Journeyscope.Server.Api.Dtos;
using Journeyscope.Server.Services;

namespace Journeyscope.Server.Api;

/// <summary>
/// Turns a <see cref="FunnelRequest"/> into a <see cref="FunnelDefinition"/>, checking everything a user can get wrong
/// (unknown activities and touchpoints, bad windows, steps out of range) with a 400 that says which step and why.
/// </summary>
/// <param name="host">The workspaces (journeys of touchpoint steps are read from the workspace's folder).</param>
/// <param name="workspace">The workspace the funnel is asked of.</param>
/// <param name="activityNames">The activities of the workspace's log, in the order a touchpoint's matching names are listed.</param>
internal sealed class FunnelRequestReader(WorkspaceHost host, string workspace, IReadOnlyList<string> activityNames)
{
    private readonly KnownActivities _activities = new(activityNames, workspace);
    private readonly Dictionary<string, DesignedJourney> _journeys = new(StringComparer.Ordinal);

    /// <summary>The funnel and the display label of each step.</summary>
    public async Task<(FunnelDefinition Definition, string[] Labels)> ReadAsync(FunnelRequest request, CancellationToken cancellationToken)
    {
        var requested = request.Steps ?? [];
        if (requested.Count == 0)
        {
            throw Bad("No funnel steps", "A funnel needs at least one step, for example {\"steps\": [{\"activities\": [\"Visit site\"]}, {\"activities\": [\"Pay\"]}]}.");
        }

        if (requested.Count + (request.Exclusions?.Count ?? 0) > FunnelDefinition.MaxItems)
        {
            throw Bad("Too many steps", $"A funnel holds at most {FunnelDefinition.MaxItems} steps and exclusions together; got {requested.Count + (request.Exclusions?.Count ?? 0)}.");
        }

        var steps = new List<FunnelStep>(requested.Count);
        var labels = new string[requested.Count];
        for (var i = 0; i < requested.Count; i++)
        {
            var where = $"Step {i + 1}";
            var step = requested[i] ?? throw Bad("Invalid step", $"{where} is empty.");
            if (step.Optional && i == 0)
            {
                throw Bad("Invalid step", "Step 1 cannot be optional: a case enters the funnel with it.");
            }

            if (step.Window is not null && i == 0)
            {
                throw Bad("Invalid step", "Step 1 cannot have a step window: it has no previous step. Use the funnel's 'window' for the whole funnel.");
            }

            var (matching, label) = await MatchAsync(step.Activities, step.Text, step.Journey, step.Touchpoint, step.Conditions, where, cancellationToken)
                .ConfigureAwait(false);
            steps.Add(new FunnelStep(matching.Activities, matching.Conditions)
            {
                IsOptional = step.Optional,
                Window = step.Window is null ? null : DurationParameter.Parse(step.Window, $"{where} window"),
            });
            labels[i] = string.IsNullOrWhiteSpace(step.Label) ? label : step.Label.Trim();
        }

        var exclusions = new List<FunnelExclusion>();
        var excluded = request.Exclusions ?? [];
        for (var i = 0; i < excluded.Count; i++)
        {
            var where = $"Exclusion {i + 1}";
            var exclusion = excluded[i] ?? throw Bad("Invalid exclusion", $"{where} is empty.");
            var from = exclusion.FromStep ?? 1;
            var to = exclusion.ToStep ?? steps.Count;
            if (from < 1 || to > steps.Count || to <= from)
            {
                throw Bad("Invalid exclusion",
                    $"{where} must lie between two steps: 1 <= fromStep < toStep <= {steps.Count}; got fromStep {from}, toStep {to}." +
                    (steps.Count < 2 ? " A funnel with one step has nothing to exclude between." : string.Empty));
            }

            var (matching, _) = await MatchAsync(exclusion.Activities, exclusion.Text, null, null, exclusion.Conditions, where, cancellationToken)
                .ConfigureAwait(false);
            exclusions.Add(new FunnelExclusion(matching, from - 1, exclusion.ToStep is null ? null : to - 1));
        }

        var definition = new FunnelDefinition(steps)
        {
            Exclusions = exclusions,
            Window = request.Window is null ? null : DurationParameter.Parse(request.Window, "window"),
            StrictOrder = request.Order switch
            {
                null or "" or "loose" => false,
                "strict" => true,
                _ => throw Bad("Invalid order", $"order must be 'loose' (other events may come between steps, the default) or 'strict' (none may); got '{request.Order}'."),
            },
            Breakdown = string.IsNullOrWhiteSpace(request.Breakdown) ? null : request.Breakdown.Trim(),
        };
        try
        {
            definition.Validate();
        }
        catch (ArgumentException e)
        {
            throw Bad("Invalid funnel", e.Message);
        }

        return (definition, labels);
    }

    /// <summary>Builds one step's matcher from exactly one of activities, text or a journey touchpoint, plus conditions.</summary>
    private async Task<(FunnelStep Step, string Label)> MatchAsync(
        IReadOnlyList<string>? activities, string? text, string? journeyId, string? touchpointId, IReadOnlyList<string>? extra, string where,
        CancellationToken cancellationToken)
    {
        var ways = (activities is { Count: > 0 } ? 1 : 0) + (string.IsNullOrWhiteSpace(text) ? 0 : 1) + (journeyId is null && touchpointId is null ? 0 : 1);
        if (ways != 1)
        {
            throw Bad("Invalid step",
                $"{where} needs exactly one of 'activities' (a list of activity names), 'text' (the CLI's step syntax) or 'journey' with 'touchpoint'; got {ways}.");
        }

        var names = new List<string>();
        var conditions = new List<LogFilter>();
        string? label = null;
        if (activities is { Count: > 0 })
        {
            foreach (var activity in activities)
            {
                if (string.IsNullOrWhiteSpace(activity))
                {
                    throw Bad("Invalid step", $"{where} has an empty activity name.");
                }

                names.Add(activity);
            }
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            FunnelStep parsed;
            try
            {
                parsed = FunnelStep.Parse(text);
            }
            catch (FormatException e)
            {
                throw Bad("Invalid step", $"{where}: {e.Message}");
            }

            names.AddRange(parsed.Activities);
            conditions.AddRange(parsed.Conditions);
        }
        else
        {
            var touchpoint = await TouchpointAsync(journeyId, touchpointId, where, cancellationToken).ConfigureAwait(false);
            var matches = TouchpointMapping.MatchingActivities(touchpoint.Rule, activityNames);
            for (var a = 0; a < matches.Length; a++)
            {
                if (matches[a])
                {
                    names.Add(activityNames[a]);
                }
            }

            if (names.Count == 0)
            {
                throw Bad("Touchpoint without events",
                    $"{where}: touchpoint '{touchpoint.Id}' of journey '{journeyId}' matches no activity of workspace '{workspace}'. " +
                    $"Check its rule with GET /api/v1/workspaces/{workspace}/journeys/{journeyId}/validation.");
            }

            foreach (var condition in touchpoint.Rule.Conditions)
            {
                conditions.Add(Condition(condition, where));
            }

            label = touchpoint.Name;
        }

        _activities.RequireAll(names, where);
        foreach (var condition in extra ?? [])
        {
            conditions.Add(Condition(condition, where));
        }

        try
        {
            var step = new FunnelStep(names, conditions);
            return (step, label ?? step.Label);
        }
        catch (ArgumentException e)
        {
            throw Bad("Invalid step", $"{where}: {e.Message}");
        }
    }

    private async Task<Touchpoint> TouchpointAsync(string? journeyId, string? touchpointId, string where, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(journeyId) || string.IsNullOrWhiteSpace(touchpointId))
        {
            throw Bad("Invalid step", $"{where}: a touchpoint step needs both 'journey' (the journey id) and 'touchpoint' (the touchpoint id).");
        }

        if (!_journeys.TryGetValue(journeyId, out var journey))
        {
            journey = await JourneyEndpoints.ReadValidAsync(host, workspace, journeyId, cancellationToken).ConfigureAwait(false);
            _journeys[journeyId] = journey;
        }

        foreach (var touchpoint in journey.Touchpoints)
        {
            if (string.Equals(touchpoint.Id, touchpointId, StringComparison.Ordinal))
            {
                return touchpoint;
            }
        }

        var ids = journey.Touchpoints.Select(t => t.Id).ToList();
        throw new ApiProblemException(StatusCodes.Status400BadRequest, "Unknown touchpoint",
            $"{where}: journey '{journeyId}' has no touchpoint '{touchpointId}'.{DidYouMean.Hint(touchpointId, ids)} Its touchpoints: {string.Join(", ", ids)}.",
            new Dictionary<string, object?> { ["touchpoint"] = touchpointId, ["suggestion"] = NameSuggestions.Closest(touchpointId, ids) });
    }

    private static LogFilter Condition(string text, string where)
    {
        try
        {
            return FilterParser.Parse(text);
        }
        catch (FilterParseException e)
        {
            throw Bad("Invalid condition", $"{where}: condition '{text}': {e.Message} See docs/filters.md for the syntax.");
        }
    }

    private static ApiProblemException Bad(string title, string detail) => new(StatusCodes.Status400BadRequest, title, detail);
}
