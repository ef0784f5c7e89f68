using Journeyscope.Conformance;
using Journeyscope.Journeys;
using Journeyscope.Monitoring;

namespace Journeyscope.Server.Monitoring;

/// <summary>One journey's live state in a workspace: its rule engine and, when it has a flow, each customer's prefix alignment.</summary>
internal sealed class LiveJourney
{
    private readonly Dictionary<string, string[]> _touchpoints = new(StringComparer.Ordinal);

    public LiveJourney(DesignedJourney journey)
    {
        Journey = journey;
        Rules = new RuleEngine(journey);
        Alignment = journey.Flow is { } flow ? PrefixAlignment.Create(ProcessTreeConversion.ToPetriNet(flow, journey.Id)) : null;
    }

    public DesignedJourney Journey { get; }

    public RuleEngine Rules { get; }

    public PrefixAlignment? Alignment { get; }

    public Dictionary<string, PrefixAlignmentState> Customers { get; } = new(StringComparer.Ordinal);

    /// <summary>The touchpoints an activity maps to (by the touchpoints' activity names and patterns).</summary>
    public string[] TouchpointsOf(string activity)
    {
        if (!_touchpoints.TryGetValue(activity, out var ids))
        {
            ids = [.. Journey.Touchpoints.Where(t => TouchpointMapping.MatchingActivities(t.Rule, [activity])[0]).Select(t => t.Id)];
            _touchpoints[activity] = ids;
        }

        return ids;
    }

    /// <summary>Feeds one event to the customer's prefix alignment; the deviation it revealed, or null.</summary>
    public LiveDeviation? Align(string customer, string activity, DateTimeOffset at)
    {
        if (Alignment is null)
        {
            return null;
        }

        LiveDeviation? found = null;
        foreach (var touchpoint in TouchpointsOf(activity))
        {
            if (!Customers.TryGetValue(customer, out var state))
            {
                state = Alignment.Start();
                Customers[customer] = state;
            }

            var step = Alignment.Advance(state, touchpoint);
            if (step.Kind == PrefixStepKind.Skipped)
            {
                found = new LiveDeviation(Journey.Id, customer, "skipped", touchpoint, at, step.Deviations,
                    $"reached {touchpoint} after skipping {step.AddedDeviations} designed step(s)");
            }
            else if (step.Kind == PrefixStepKind.Unexpected)
            {
                found = new LiveDeviation(Journey.Id, customer, "unexpected", touchpoint, at, step.Deviations,
                    $"{touchpoint} does not fit the designed journey here");
            }
        }

        return found;
    }
}
