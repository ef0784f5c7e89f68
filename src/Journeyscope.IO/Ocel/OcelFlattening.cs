using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Flattens object-centric data on one object type (as PM4Py's OCEL flattening does).</summary>
internal static class OcelFlattening
{
    /// <summary>
    /// One event per distinct (event, object) relation to an object of <paramref name="caseType"/>, in the case named
    /// by the object id; the object's attributes become case attributes (the value with the latest time; values
    /// without time count as earliest; ties go to the later one in the file).
    /// </summary>
    public static EventLog Flatten(ObjectCentricData data, string? caseType, IEnumerable<string> declaredTypes, ImportSession session)
    {
        var typeOf = new Dictionary<string, string>(data.Objects.Count, StringComparer.Ordinal);
        foreach (var item in data.Objects)
        {
            typeOf[item.Id] = item.Type;
        }

        var eventsPerType = CountEventsPerType(data, typeOf);
        var available = new SortedSet<string>(StringComparer.Ordinal);
        available.UnionWith(declaredTypes);
        available.UnionWith(typeOf.Values);
        if (caseType is null)
        {
            caseType = Choose(eventsPerType, available, session);
            if (caseType is null)
            {
                return EventLog.Empty;
            }
        }
        else if (!available.Contains(caseType))
        {
            throw session.Fatal(0, -1, "CaseObjectType",
                $"the object type '{caseType}' does not exist; available object types: {string.Join(", ", available)}");
        }

        var eventIndex = new Dictionary<string, int>(data.Events.Count, StringComparer.Ordinal);
        for (var i = 0; i < data.Events.Count; i++)
        {
            eventIndex[data.Events[i].Id] = i;
        }

        var builder = new EventLogBuilder(data.EventObjects.Count);
        var eventIdHandle = builder.GetEventAttributeHandle("event_id");
        var seen = new HashSet<(string, string)>();
        foreach (var relation in data.EventObjects)
        {
            if (!string.Equals(typeOf[relation.ObjectId], caseType, StringComparison.Ordinal) ||
                !seen.Add((relation.EventId, relation.ObjectId)))
            {
                continue;
            }

            var source = data.Events[eventIndex[relation.EventId]];
            var row = builder.AddEvent(relation.ObjectId, source.Type, source.Time);
            builder.SetEventAttribute(row, eventIdHandle, source.Id);
            foreach (var attribute in source.Attributes)
            {
                builder.SetEventAttribute(row, attribute.Name, attribute.Value);
            }
        }

        foreach (var item in data.Objects)
        {
            if (string.Equals(item.Type, caseType, StringComparison.Ordinal) && item.Attributes.Count > 0)
            {
                SetCaseAttributes(builder, item);
            }
        }

        return builder.Build();
    }

    private static Dictionary<string, int> CountEventsPerType(ObjectCentricData data, Dictionary<string, string> typeOf)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var relation in data.EventObjects)
        {
            var type = typeOf[relation.ObjectId];
            if (seen.Add((relation.EventId, type)))
            {
                counts[type] = counts.GetValueOrDefault(type) + 1;
            }
        }

        return counts;
    }

    private static string? Choose(Dictionary<string, int> eventsPerType, SortedSet<string> available, ImportSession session)
    {
        string? best = null;
        foreach (var type in available)
        {
            if (best is null || eventsPerType.GetValueOrDefault(type) > eventsPerType.GetValueOrDefault(best))
            {
                best = type;
            }
        }

        if (best is null)
        {
            session.Warn("The OCEL file has no object types, so the flattened log is empty.");
            return null;
        }

        var others = new List<string>();
        foreach (var type in available)
        {
            if (!string.Equals(type, best, StringComparison.Ordinal))
            {
                others.Add(string.Create(CultureInfo.InvariantCulture, $"{type} ({eventsPerType.GetValueOrDefault(type)} events)"));
            }
        }

        session.Warn(string.Create(CultureInfo.InvariantCulture,
            $"No case object type was given: the log is flattened on '{best}', related to the most events ({eventsPerType.GetValueOrDefault(best)}). Other object types: {(others.Count == 0 ? "none" : string.Join(", ", others))}."));
        return best;
    }

    private static void SetCaseAttributes(EventLogBuilder builder, OcelObject item)
    {
        var latest = new Dictionary<string, OcelAttribute>(StringComparer.Ordinal);
        foreach (var attribute in item.Attributes)
        {
            if (!latest.TryGetValue(attribute.Name, out var current) ||
                (attribute.Time?.UtcTicks ?? long.MinValue) >= (current.Time?.UtcTicks ?? long.MinValue))
            {
                latest[attribute.Name] = attribute;
            }
        }

        foreach (var attribute in latest.Values)
        {
            builder.SetCaseAttribute(item.Id, attribute.Name, attribute.Value);
        }
    }
}
