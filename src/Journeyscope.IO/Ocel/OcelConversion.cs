using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Conversions between flat event logs and object-centric data.</summary>
public static class OcelConversion
{
    /// <summary>
    /// Turns a flat log into object-centric data: each case becomes an object of <paramref name="objectType"/> (its case
    /// attributes become object attributes without time), each event an OCEL event related to its case object.
    /// </summary>
    /// <remarks>
    /// The event id is the event's <c>event_id</c> attribute when present and unique, otherwise <c>e&lt;index&gt;</c>.
    /// Lifecycle, resource, channel and start time become event attributes named <c>lifecycle</c>, <c>resource</c>,
    /// <c>channel</c> and <c>start_timestamp</c>. Flattening the result on <paramref name="objectType"/> gives the log back.
    /// </remarks>
    public static ObjectCentricData FromEventLog(EventLog log, string objectType = "case")
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentException.ThrowIfNullOrEmpty(objectType);
        var objects = new OcelObject[log.CaseCount];
        for (var c = 0; c < log.CaseCount; c++)
        {
            var attributes = new List<OcelAttribute>();
            foreach (var column in log.CaseAttributes)
            {
                if (column.GetValue(c) is { } value)
                {
                    attributes.Add(new OcelAttribute(column.Name, value));
                }
            }

            objects[c] = new OcelObject(log.CaseIds[c], objectType, attributes);
        }

        var eventIdColumn = log.FindEventAttribute("event_id") as StringColumn;
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var events = new OcelEvent[log.EventCount];
        var relations = new OcelEventObject[log.EventCount];
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
            {
                var id = eventIdColumn?.GetString(e);
                var fromColumn = id is not null && usedIds.Add(id);
                if (!fromColumn)
                {
                    id = "e" + e.ToString(CultureInfo.InvariantCulture);
                    var suffix = 1;
                    while (!usedIds.Add(id))
                    {
                        id = string.Create(CultureInfo.InvariantCulture, $"e{e}_{suffix++}");
                    }
                }

                events[e] = new OcelEvent(id!, log.ActivityNames[log.Activities[e]], log.GetTimestamp(e), EventAttributes(log, e, fromColumn ? eventIdColumn : null));
                relations[e] = new OcelEventObject(id!, log.CaseIds[c], objectType);
            }
        }

        return new ObjectCentricData(events, objects, relations, []);
    }

    private static List<OcelAttribute> EventAttributes(EventLog log, int e, AttributeColumn? skip)
    {
        var attributes = new List<OcelAttribute>();
        AddString(attributes, "lifecycle", log.Lifecycle, e);
        AddString(attributes, "resource", log.Resource, e);
        AddString(attributes, "channel", log.Channel, e);
        if (log.StartTimestamps?.GetValue(e) is { } start)
        {
            attributes.Add(new OcelAttribute("start_timestamp", start));
        }

        foreach (var column in log.EventAttributes)
        {
            if (!ReferenceEquals(column, skip) && column.GetValue(e) is { } value)
            {
                attributes.Add(new OcelAttribute(column.Name, value));
            }
        }

        return attributes;
    }

    private static void AddString(List<OcelAttribute> attributes, string name, StringColumn? column, int e)
    {
        if (column?.GetString(e) is { } text)
        {
            attributes.Add(new OcelAttribute(name, AttributeValue.FromString(text)));
        }
    }
}
