namespace Journeyscope.Kpis;

public static partial class KpiCatalogue
{
    private static KpiKind CustomerEffortScore() => new(
        "ces", "Customer effort score", KpiCategory.Run, KpiUnit.Number,
        "Mean of the numeric survey answer over the survey events. Which end is good is declared by the target: '<= 3' reads 1 = very easy ... 7 = very difficult (the default), '>= 5.5' reads 7 = it was easy; the voice-of-the-customer analysis reads CES the same way.",
        [
            Events("activity", true, "The survey: an activity, touchpoint or stage."),
            Attribute("attribute", false, "The event attribute holding the answer.", "score"),
        ],
        KpiAggregation.Quotient,
        static (context, sink) => MeanOfAttribute(context, sink, "activity", "attribute"));

    private static KpiKind OrderCycleTime() => new(
        "order-cycle-time", "Order cycle time", KpiCategory.Run, KpiUnit.Duration,
        "Mean, over the cases that reach both, of the time from the case's first 'from' event to the first 'to' event after it. " +
        "When 'from' and 'to' are the same, the span from its first to its last event.",
        [
            Events("from", true, "Where the clock starts: an activity, touchpoint or stage."),
            Events("to", true, "Where the clock stops: an activity, touchpoint or stage."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) => Span(context, sink, context.Events("from")!, context.Events("to")!, context.Text("from") == context.Text("to")));

    private static KpiKind ResolutionTime() => new(
        "resolution-time", "Average resolution time", KpiCategory.Run, KpiUnit.Duration,
        "Mean, over the resolved cases, of the time from the first 'from' event (default: the case's first event) to the first 'resolved' event after it.",
        [
            Events("resolved", true, "The resolution: an activity, touchpoint or stage."),
            Events("from", false, "Where the clock starts; default the case's first event."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) =>
        {
            var resolved = context.Events("resolved")!;
            var from = context.Events("from");
            if (from is null)
            {
                from = new bool[context.Log.EventCount];
                for (var c = 0; c < context.Log.CaseCount; c++)
                {
                    if (context.Log.CaseLength(c) > 0)
                    {
                        from[context.Log.CaseStart(c)] = true;
                    }
                }
            }

            Span(context, sink, from, resolved, same: false);
        });

    private static KpiKind FirstContactResolution() => new(
        "first-contact-resolution", "First-contact resolution rate", KpiCategory.Run, KpiUnit.Ratio,
        "Share of resolved cases with exactly one 'contact' event up to and including the first 'resolved' event. " +
        "Without 'resolved', every case with a contact counts as resolved at its last event.",
        [
            Events("contact", true, "A contact with the customer (call, chat, e-mail...)."),
            Events("resolved", false, "The resolution; default: the case's last event."),
        ],
        KpiAggregation.Quotient,
        static (context, sink) =>
        {
            var log = context.Log;
            var contact = context.Events("contact")!;
            var resolved = context.Events("resolved");
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                var at = resolved is null ? end - 1 : First(resolved, start, end);
                if (at < start)
                {
                    continue;
                }

                var contacts = 0;
                for (var e = start; e <= at; e++)
                {
                    contacts += contact[e] ? 1 : 0;
                }

                if (contacts > 0)
                {
                    sink.Add(new KpiObservation(c, at, log.Timestamps[at], contacts == 1 ? 1 : 0));
                }
            }
        });

    private static KpiKind TicketVolume() => new(
        "ticket-volume", "Ticket volume", KpiCategory.Run, KpiUnit.Count,
        "Number of cases (tickets) opened: each case counts once, at its first 'activity' event (default: its first event).",
        [Events("activity", false, "The event that opens a ticket; default the case's first event.")],
        KpiAggregation.Sum,
        static (context, sink) =>
        {
            var log = context.Log;
            var opening = context.Events("activity");
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                var at = opening is null ? (end > start ? start : -1) : First(opening, start, end);
                if (at >= 0)
                {
                    sink.Add(new KpiObservation(c, at, log.Timestamps[at], 1));
                }
            }
        });

    private static KpiKind Backlog() => new(
        "backlog", "Backlog", KpiCategory.Run, KpiUnit.Count,
        "Number of cases open at a moment: opened (first 'activity' event, default the first event) at or before it and not yet " +
        "resolved (first 'resolved' event after opening) at it. Whole log: at the last event of the log; per period: at the period's end.",
        [
            Events("resolved", true, "The event that closes a case."),
            Events("activity", false, "The event that opens a case; default the case's first event."),
        ],
        KpiAggregation.Stock,
        static (context, sink) =>
        {
            var log = context.Log;
            var opening = context.Events("activity");
            var resolved = context.Events("resolved")!;
            for (var c = 0; c < log.CaseCount; c++)
            {
                int start = log.CaseStart(c), end = log.CaseStart(c + 1);
                var at = opening is null ? (end > start ? start : -1) : First(opening, start, end);
                if (at < 0)
                {
                    continue;
                }

                var done = First(resolved, at, end);
                sink.Add(new KpiObservation(c, at, log.Timestamps[at], 1) { Until = done < 0 ? long.MaxValue : log.Timestamps[done] });
            }
        });

    /// <summary>One observation per case: seconds from the first 'from' event to the first 'to' event after it.</summary>
    private static void Span(KpiContext context, List<KpiObservation> sink, bool[] from, bool[] to, bool same)
    {
        var log = context.Log;
        var timestamps = log.Timestamps;
        for (var c = 0; c < log.CaseCount; c++)
        {
            int start = log.CaseStart(c), end = log.CaseStart(c + 1);
            var begin = First(from, start, end);
            if (begin < 0)
            {
                continue;
            }

            var stop = same ? Last(to, begin, end) : First(to, begin + 1, end);
            if (stop < 0)
            {
                continue;
            }

            sink.Add(new KpiObservation(c, stop, timestamps[stop], (timestamps[stop] - timestamps[begin]) / TicksPerSecond));
        }
    }

    /// <summary>One observation per event of 'events' with a numeric 'attribute' value.</summary>
    private static void MeanOfAttribute(KpiContext context, List<KpiObservation> sink, string events, string attribute)
    {
        var log = context.Log;
        var mask = context.Events(events);
        var values = context.Numbers(attribute);
        if (!values.Exists)
        {
            return;
        }

        var timestamps = log.Timestamps;
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
            {
                if ((mask is null || mask[e]) && values.TryGet(e, out var value))
                {
                    sink.Add(new KpiObservation(c, e, timestamps[e], value));
                }
            }
        }
    }
}
