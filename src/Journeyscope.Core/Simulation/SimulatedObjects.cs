using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Simulation;

/// <summary>Builds the object-centric view of a simulated log from its <c>order_id</c> and <c>ticket_id</c> attributes.</summary>
internal static class SimulatedObjects
{
    public static ObjectCentricData Build(EventLog log)
    {
        var orderIds = log.FindEventAttribute(Simulator.OrderIdAttribute) as StringColumn;
        var ticketIds = log.FindEventAttribute(Simulator.TicketIdAttribute) as StringColumn;
        var values = log.FindEventAttribute(Simulator.OrderValueAttribute);
        var discounts = log.FindEventAttribute(Simulator.DiscountAttribute);
        var placeOrder = IndexOf(log.ActivityNames, RetailActivities.PlaceOrder);

        var events = new OcelEvent[log.EventCount];
        var relations = new List<OcelEventObject>(log.EventCount * 2);
        var objects = new List<OcelObject>(log.CaseCount * 2);
        var objectRelations = new List<OcelObjectObject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < log.CaseCount; c++)
        {
            var customer = log.CaseIds[c];
            objects.Add(new OcelObject(customer, "customer", CaseAttributes(log, c)));
            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
            {
                var id = "e" + e.ToString(CultureInfo.InvariantCulture);
                events[e] = new OcelEvent(id, log.ActivityNames[log.Activities[e]], log.GetTimestamp(e), EventAttributes(log, e));
                relations.Add(new OcelEventObject(id, customer, "customer"));
                var order = orderIds?.GetString(e);
                if (order is not null)
                {
                    relations.Add(new OcelEventObject(id, order, "order"));
                    if (log.Activities[e] == placeOrder && seen.Add(order))
                    {
                        List<OcelAttribute> attributes = [];
                        if (values?.GetValue(e) is { } value)
                        {
                            attributes.Add(new OcelAttribute(Simulator.OrderValueAttribute, value));
                        }

                        if (discounts?.GetValue(e) is { } discount)
                        {
                            attributes.Add(new OcelAttribute(Simulator.DiscountAttribute, discount));
                        }

                        objects.Add(new OcelObject(order, "order", attributes));
                        objectRelations.Add(new OcelObjectObject(customer, order, "places"));
                    }
                }

                var ticket = ticketIds?.GetString(e);
                if (ticket is not null)
                {
                    relations.Add(new OcelEventObject(id, ticket, "ticket"));
                    if (seen.Add(ticket))
                    {
                        objects.Add(new OcelObject(ticket, "ticket", []));
                        objectRelations.Add(new OcelObjectObject(customer, ticket, "raises"));
                        if (order is not null)
                        {
                            objectRelations.Add(new OcelObjectObject(ticket, order, "about"));
                        }
                    }
                }
            }
        }

        return new ObjectCentricData(events, objects, relations, objectRelations);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<OcelAttribute> CaseAttributes(EventLog log, int c)
    {
        var attributes = new List<OcelAttribute>(log.CaseAttributes.Count);
        foreach (var column in log.CaseAttributes)
        {
            if (column.GetValue(c) is { } value)
            {
                attributes.Add(new OcelAttribute(column.Name, value));
            }
        }

        return attributes;
    }

    private static List<OcelAttribute> EventAttributes(EventLog log, int e)
    {
        var attributes = new List<OcelAttribute>(4);
        if (log.Channel?.GetString(e) is { } channel)
        {
            attributes.Add(new OcelAttribute("channel", AttributeValue.FromString(channel)));
        }

        if (log.Resource?.GetString(e) is { } resource)
        {
            attributes.Add(new OcelAttribute("resource", AttributeValue.FromString(resource)));
        }

        foreach (var column in log.EventAttributes)
        {
            if (column.Name is Simulator.OrderIdAttribute or Simulator.TicketIdAttribute)
            {
                continue;
            }

            if (column.GetValue(e) is { } value)
            {
                attributes.Add(new OcelAttribute(column.Name, value));
            }
        }

        return attributes;
    }
}
