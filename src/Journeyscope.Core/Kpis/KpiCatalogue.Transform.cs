using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

public static partial class KpiCatalogue
{
    private static KpiKind FeedbackVolume() => new(
        "feedback-volume", "Feedback volume", KpiCategory.Transform, KpiUnit.Count,
        "Number of events (of 'activity', default any) with a non-blank 'attribute' (default comment).",
        [
            Attribute("attribute", false, "The event attribute holding the feedback text.", "comment"),
            Events("activity", false, "The feedback events; default any event."),
        ],
        KpiAggregation.Sum,
        static (context, sink) => EachComment(context, sink, scorer: null));

    private static KpiKind Sentiment() => new(
        "sentiment", "Feedback sentiment", KpiCategory.Transform, KpiUnit.Number,
        "Mean sentiment (from -1 very negative to +1 very positive) of the non-blank 'attribute' texts (default comment) of the " +
        "'activity' events (default any), scored by the lexicon scorer (docs/voc.md) or the scorer in the options.",
        [
            Attribute("attribute", false, "The event attribute holding the feedback text.", "comment"),
            Events("activity", false, "The feedback events; default any event."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) => EachComment(context, sink, context.Sentiment));

    private static KpiKind DigitalEngagement() => new(
        "digital-engagement", "Digital engagement", KpiCategory.Transform, KpiUnit.Ratio,
        "Share of the events with a channel whose channel is one of 'channels' (case-insensitive).",
        [
            new("channels", KpiParameterType.List, false, "The digital channels.", "web, app, mobile, email, chat, social, online, internet"),
            Attribute("attribute", false, "The event attribute holding the channel.", "channel"),
        ],
        KpiAggregation.Quotient,
        static (context, sink) =>
        {
            var log = context.Log;
            var digital = new HashSet<string>(context.List("channels"), StringComparer.OrdinalIgnoreCase);
            if (context.Column("attribute") is not StringColumn channels)
            {
                return;
            }

            var isDigital = new bool[channels.Dictionary.Count];
            for (var i = 0; i < isDigital.Length; i++)
            {
                isDigital[i] = digital.Contains(channels.Dictionary[i]);
            }

            var codes = channels.Codes;
            for (var c = 0; c < log.CaseCount; c++)
            {
                for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
                {
                    if (codes[e] >= 0)
                    {
                        sink.Add(new KpiObservation(c, e, log.Timestamps[e], isDigital[codes[e]] ? 1 : 0));
                    }
                }
            }
        });

    private static KpiKind CustomerAcquisitionCost() => new(
        "customer-acquisition-cost", "Customer acquisition cost", KpiCategory.Transform, KpiUnit.Number,
        "Total 'cost' (the event attribute holding marketing and sales spend) over the number of cases with an 'acquired' event; " +
        "spend counts in the period it was recorded, each customer in the period of its first 'acquired' event.",
        [
            Attribute("cost", true, "The event attribute holding spend."),
            Events("acquired", true, "The event that makes a case a customer (first purchase, signed contract)."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) =>
        {
            var log = context.Log;
            var acquired = context.Events("acquired")!;
            var cost = context.Numbers("cost");
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                for (var e = start; e < end; e++)
                {
                    if (cost.TryGet(e, out var spend))
                    {
                        sink.Add(new KpiObservation(c, e, log.Timestamps[e], spend, 0));
                    }
                }

                var first = First(acquired, start, end);
                if (first >= 0)
                {
                    sink.Add(new KpiObservation(c, first, log.Timestamps[first], 0, 1));
                }
            }
        });

    private static KpiKind ConversionRate() => new(
        "conversion-rate", "Conversion rate", KpiCategory.Transform, KpiUnit.Ratio,
        "Share of the cases with a 'from' event (default: every case, from its first event) that have a 'to' event after their first " +
        "'from' event, within 'within' of it when given.",
        [
            Events("to", true, "The conversion: an activity, touchpoint or stage."),
            Events("from", false, "Where the funnel starts; default the case's first event."),
            Duration("within", false, "The conversion window; default unlimited."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) =>
        {
            var log = context.Log;
            var timestamps = log.Timestamps;
            var from = context.Events("from");
            var to = context.Events("to")!;
            var window = context.Duration("within")?.Ticks ?? long.MaxValue;
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                var begin = from is null ? (end > start ? start : -1) : First(from, start, end);
                if (begin < 0)
                {
                    continue;
                }

                var stop = First(to, from is null ? begin : begin + 1, end);
                var converted = stop >= 0 && timestamps[stop] - timestamps[begin] <= window ? 1 : 0;
                sink.Add(new KpiObservation(c, begin, timestamps[begin], converted));
            }
        });

    private static KpiKind ChurnRate() => new(
        "churn-rate", "Churn rate", KpiCategory.Transform, KpiUnit.Ratio,
        "Share of cases (customers) that churned: they have a 'cancel' event, or (with 'inactivity') their last event is at least " +
        "'inactivity' before the end of the log (as-of). Anchored at the case's first event.",
        [
            Events("cancel", false, "An explicit churn event (cancellation, closure)."),
            Duration("inactivity", false, "Churn after this long without any event, for example 90d."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) =>
        {
            var log = context.Log;
            var timestamps = log.Timestamps;
            var cancel = context.Events("cancel");
            var inactivity = context.Duration("inactivity")?.Ticks;
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                if (end == start)
                {
                    continue;
                }

                var churned = (cancel is not null && First(cancel, start, end) >= 0)
                    || (inactivity is { } gap && context.AsOf - timestamps[end - 1] >= gap);
                sink.Add(new KpiObservation(c, start, timestamps[start], churned ? 1 : 0));
            }
        },
        static parameters => parameters.ContainsKey("cancel") || parameters.ContainsKey("inactivity")
            ? null
            : "churn-rate needs 'cancel' (an activity) or 'inactivity' (a duration such as 90d), or both");

    /// <summary>Feedback volume (scorer null: count) or sentiment (mean score) over the non-blank texts.</summary>
    private static void EachComment(KpiContext context, List<KpiObservation> sink, Voc.ISentimentScorer? scorer)
    {
        var log = context.Log;
        var mask = context.Events("activity");
        if (context.Column("attribute") is not StringColumn texts)
        {
            return;
        }

        var codes = texts.Codes;
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
            {
                if ((mask is null || mask[e]) && codes[e] >= 0 && !string.IsNullOrWhiteSpace(texts.Dictionary[codes[e]]))
                {
                    var value = scorer is null ? 1 : scorer.Score(texts.Dictionary[codes[e]]).Compound;
                    sink.Add(new KpiObservation(c, e, log.Timestamps[e], value));
                }
            }
        }
    }
}
