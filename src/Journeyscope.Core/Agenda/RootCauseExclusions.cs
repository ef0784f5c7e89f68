using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Agenda;

/// <summary>
/// The activities and attributes an outcome is defined by. They are left out of the candidate factors: a case attribute
/// the outcome tests, or the resource of the outcome's own activity, would "explain" it by definition.
/// </summary>
internal sealed class RootCauseExclusions
{
    public static RootCauseExclusions None { get; } = new([], []);

    private RootCauseExclusions(HashSet<string> activities, HashSet<string> attributes)
    {
        Activities = activities;
        Attributes = attributes;
    }

    public HashSet<string> Activities { get; }

    public HashSet<string> Attributes { get; }

    public static RootCauseExclusions From(IReadOnlyList<LogFilter> outcome)
    {
        var activities = new HashSet<string>(StringComparer.Ordinal);
        var attributes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var filter in outcome)
        {
            switch (filter)
            {
                case ActivityPresenceFilter presence:
                    activities.UnionWith(presence.Activities);
                    break;
                case RelationFilter relation:
                    activities.Add(relation.From);
                    activities.Add(relation.To);
                    break;
                case EndpointActivityFilter endpoint:
                    activities.UnionWith(endpoint.Activities);
                    break;
                case ActivityFilter { Remove: false } kept:
                    activities.UnionWith(kept.Activities);
                    break;
                case CaseAttributeFilter caseAttribute:
                    attributes.Add(caseAttribute.Attribute);
                    break;
                case EventAttributeFilter eventAttribute:
                    attributes.Add(eventAttribute.Attribute);
                    break;
            }
        }

        return new RootCauseExclusions(activities, attributes);
    }

    /// <summary>Marks, per activity index of <paramref name="log"/>, whether it is excluded.</summary>
    public bool[] ActivityMask(EventLog log)
    {
        var mask = new bool[log.ActivityCount];
        for (var a = 0; a < mask.Length; a++)
        {
            mask[a] = Activities.Contains(log.ActivityNames[a]);
        }

        return mask;
    }
}
