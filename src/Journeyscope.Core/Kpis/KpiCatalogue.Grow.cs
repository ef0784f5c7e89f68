namespace Journeyscope.Kpis;

public static partial class KpiCatalogue
{
    private static KpiKind Csat() => new(
        "csat", "Customer satisfaction (CSAT)", KpiCategory.Grow, KpiUnit.Ratio,
        "Share of survey answers at or above 'satisfied' (default 4 on a 1-5 scale: satisfied or very satisfied).",
        [
            Events("activity", true, "The survey: an activity, touchpoint or stage."),
            Attribute("attribute", false, "The event attribute holding the answer.", "score"),
            new("satisfied", KpiParameterType.Number, false, "The lowest answer that counts as satisfied.", "4"),
        ],
        KpiAggregation.Quotient,
        static (context, sink) =>
        {
            var threshold = context.Number("satisfied", 4);
            var start = sink.Count;
            MeanOfAttribute(context, sink, "activity", "attribute");
            for (var i = start; i < sink.Count; i++)
            {
                var o = sink[i];
                o.A = o.A >= threshold ? 1 : 0;
                sink[i] = o;
            }
        });

    private static KpiKind Nps() => new(
        "nps", "Net Promoter Score", KpiCategory.Grow, KpiUnit.NetScore,
        "100 × (promoters − detractors) / answers, over survey answers from 0 to 10: promoters answer 9 or 10, detractors 0 to 6. " +
        "Answers outside 0-10 are ignored (and reported).",
        [
            Events("activity", true, "The survey: an activity, touchpoint or stage."),
            Attribute("attribute", false, "The event attribute holding the 0-10 answer.", "score"),
        ],
        KpiAggregation.NetScore,
        static (context, sink) =>
        {
            var start = sink.Count;
            MeanOfAttribute(context, sink, "activity", "attribute");
            var write = start;
            var ignored = 0;
            for (var i = start; i < sink.Count; i++)
            {
                var o = sink[i];
                if (o.A is < 0 or > 10)
                {
                    ignored++;
                    continue;
                }

                var score = o.A;
                o.A = score >= 9 ? 1 : 0;
                o.B = score <= 6 ? 1 : 0;
                o.C = 1;
                sink[write++] = o;
            }

            sink.RemoveRange(write, sink.Count - write);
            context.Ignore(ignored);
        });

    private static KpiKind RetentionRate() => new(
        "retention-rate", "Retention rate", KpiCategory.Grow, KpiUnit.Ratio,
        "Share of cases (customers) with another 'activity' event (default: any event) later than their first one and at most 'within' after it. " +
        "Cases whose window is not over by the end of the log (as-of) are left out.",
        [
            Events("activity", false, "The qualifying activity (a purchase, a visit); default any event."),
            Duration("within", true, "The window after the first qualifying event, for example 90d."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) =>
        {
            var log = context.Log;
            var timestamps = log.Timestamps;
            var mask = context.Events("activity");
            var window = context.Duration("within")!.Value.Ticks;
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                var first = mask is null ? (end > start ? start : -1) : First(mask, start, end);
                if (first < 0 || timestamps[first] + window > context.AsOf)
                {
                    continue;
                }

                var retained = 0;
                for (var e = first + 1; e < end && timestamps[e] <= timestamps[first] + window; e++)
                {
                    if ((mask is null || mask[e]) && timestamps[e] > timestamps[first])
                    {
                        retained = 1;
                        break;
                    }
                }

                sink.Add(new KpiObservation(c, first, timestamps[first], retained));
            }
        });

    private static KpiKind CustomerLifetimeValue() => new(
        "customer-lifetime-value", "Customer lifetime value", KpiCategory.Grow, KpiUnit.Number,
        "Historical value: mean over cases (customers) of the sum of 'attribute' over their 'activity' events (default: all events); " +
        "a case without any value counts as 0. Anchored at the case's first event.",
        [
            Attribute("attribute", true, "The event attribute holding the revenue of an event."),
            Events("activity", false, "The revenue events; default any event with a value."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) =>
        {
            var log = context.Log;
            var mask = context.Events("activity");
            var values = context.Numbers("attribute");
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                if (end == start)
                {
                    continue;
                }

                double total = 0;
                for (var e = start; e < end; e++)
                {
                    if ((mask is null || mask[e]) && values.TryGet(e, out var value))
                    {
                        total += value;
                    }
                }

                sink.Add(new KpiObservation(c, start, log.Timestamps[start], total));
            }
        });

    private static KpiKind AverageOrderValue() => new(
        "average-order-value", "Average order value", KpiCategory.Grow, KpiUnit.Number,
        "Mean of 'attribute' over the 'activity' events (the orders) that have a value.",
        [
            Attribute("attribute", true, "The event attribute holding the order value."),
            Events("activity", false, "The order events; default any event with a value."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) => MeanOfAttribute(context, sink, "activity", "attribute"));

    private static KpiKind UpsellRevenue() => new(
        "upsell-revenue", "Upsell and cross-sell revenue", KpiCategory.Grow, KpiUnit.Number,
        "Sum of 'attribute' over the 'activity' events (purchases) of a case after its first one: revenue beyond the first purchase.",
        [
            Attribute("attribute", true, "The event attribute holding the revenue."),
            Events("activity", true, "The purchase events."),
        ],
        KpiAggregation.Sum,
        static (context, sink) =>
        {
            var log = context.Log;
            var mask = context.Events("activity")!;
            var values = context.Numbers("attribute");
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                var first = First(mask, start, end);
                if (first < 0)
                {
                    continue;
                }

                for (var e = first + 1; e < end; e++)
                {
                    if (mask[e] && values.TryGet(e, out var value))
                    {
                        sink.Add(new KpiObservation(c, e, log.Timestamps[e], value));
                    }
                }
            }
        });
}
