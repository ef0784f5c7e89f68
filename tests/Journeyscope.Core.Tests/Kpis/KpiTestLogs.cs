using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Kpis;

internal static class KpiTestLogs
{
    public static readonly DateTimeOffset Start = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Orders: purchase, deliver after <c>deliveryDays[i]</c> days, then an NPS survey with <c>scores[i]</c> (when not null).
    /// Case i starts i hours after <see cref="Start"/>; case attribute <c>segment</c> is A for even i, B for odd i.
    /// </summary>
    public static EventLog Orders(double[] deliveryDays, int?[] scores, double[]? amounts = null)
    {
        var builder = new EventLogBuilder();
        var score = builder.GetEventAttributeHandle("score", AttributeType.Long);
        var amount = builder.GetEventAttributeHandle("amount", AttributeType.Double);
        for (var i = 0; i < deliveryDays.Length; i++)
        {
            var id = $"o{i:000}";
            var t0 = Start.AddHours(i);
            var purchase = builder.AddEvent(id, "Purchase", t0);
            if (amounts is not null)
            {
                builder.SetEventAttribute(purchase, amount, AttributeValue.FromDouble(amounts[i]));
            }

            builder.AddEvent(id, "Deliver", t0.AddDays(deliveryDays[i]));
            if (scores[i] is { } s)
            {
                var survey = builder.AddEvent(id, "NPS survey", t0.AddDays(deliveryDays[i] + 1));
                builder.SetEventAttribute(survey, score, AttributeValue.FromLong(s));
            }

            builder.SetCaseAttribute(id, "segment", AttributeValue.FromString(i % 2 == 0 ? "A" : "B"));
        }

        return builder.Build();
    }

    public static JourneyKpi Kpi(string id, string kind, string? target = null, string? expression = null, string[]? drivers = null, params (string Key, string Value)[] parameters) =>
        new(id, id, kind, target, [], [], parameters.ToDictionary(p => p.Key, p => p.Value), expression, drivers ?? []);
}
