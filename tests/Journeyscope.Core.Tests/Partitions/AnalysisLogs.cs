using Journeyscope.EventLogs;
using Journeyscope.Partitions;
using Journeyscope.Performance;

namespace Journeyscope.Core.Tests.Partitions;

/// <summary>
/// Random customer logs for the partial tests: several case and event attributes (some missing), survey answers on
/// several scales (integers and fractions), comments, timestamps spread over weeks with ties, repeated activities, and
/// cases of one event.
/// </summary>
internal static class AnalysisLogs
{
    /// <summary>The partition counts the properties run with: one, two, a prime, the default.</summary>
    public static readonly int[] PartitionCounts = [1, 2, 7, CasePartitioner.DefaultPartitionCount];

    private static readonly string[] Activities = ["Visit", "Browse", "Add to cart", "Checkout", "Order", "Cancel", "Support call", "Delivery"];
    private static readonly string[] Surveys = ["NPS survey", "CSAT survey", "Effort survey", "Rate us", "Stars"];
    private static readonly string[] Segments = ["gold", "silver", "bronze"];
    private static readonly string[] Devices = ["web", "app", "store"];
    private static readonly string[] Channels = ["web", "app", "store", "Web", "phone"];
    private static readonly string[] Comments =
    [
        "great service, thank you", "terrible, shipped twice", "ok", "slow delivery and rude staff", "love it", "", "not bad at all",
        "the app keeps crashing", "fast and friendly",
    ];

    private static readonly long Base = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>A random log of up to <paramref name="maxCases"/> cases (at least one).</summary>
    public static EventLog Random(Random random, int maxCases) => Random(random, maxCases, null, channels: false);

    /// <summary>
    /// A random log of up to <paramref name="maxCases"/> cases for the value stream: as <see cref="Random(System.Random, int)"/>,
    /// and with <paramref name="steps"/> given, also resources, timestamps spread over six months with
    /// UTC offsets of 0 to 2 hours, and the processing information of <paramref name="steps"/>: start timestamps on most
    /// events (some after the completion, bad data), or lifecycle transitions (start/complete pairs, unmatched starts and
    /// completes, schedule events, events without a transition, cases of only a start).
    /// </summary>
    public static EventLog Random(Random random, int maxCases, ProcessingTimeSource? steps) => Random(random, maxCases, steps, channels: false);

    /// <summary>
    /// A random log of up to <paramref name="maxCases"/> cases (at least one); with <paramref name="channels"/> also an
    /// event channel (sometimes missing, sometimes in other letter case), UTC offsets that change inside cases, and a
    /// second case attribute whose number of values varies from a few to more than 50.
    /// </summary>
    public static EventLog Random(Random random, int maxCases, bool channels) => Random(random, maxCases, null, channels);

    /// <summary>A random log with the value stream's processing information (<paramref name="steps"/>) and/or channels (<paramref name="channels"/>).</summary>
    public static EventLog Random(Random random, int maxCases, ProcessingTimeSource? steps, bool channels)
    {
        var builder = new EventLogBuilder();
        var score = builder.GetEventAttributeHandle("score", AttributeType.Double);
        var comment = builder.GetEventAttributeHandle("comment");
        var device = builder.GetEventAttributeHandle("device");
        var amount = builder.GetEventAttributeHandle("amount", AttributeType.Double);
        var segment = builder.GetCaseAttributeHandle("segment");
        var region = channels ? builder.GetCaseAttributeHandle("region") : default;
        var regions = channels ? 1 + random.Next(70) : 0;
        var activityCount = 2 + random.Next(Activities.Length - 1);
        var cases = 1 + random.Next(maxCases);
        for (var c = 0; c < cases; c++)
        {
            var id = (c % 3) switch
            {
                0 => $"cust-{c}",
                1 => $"anon_{c * 7919:x}",
                _ => $"Kunde {c} ü",
            };
            if (random.Next(5) > 0)
            {
                builder.SetCaseAttribute(id, segment, AttributeValue.FromString(Segments[random.Next(Segments.Length)]));
            }

            if (channels && random.Next(6) > 0)
            {
                builder.SetCaseAttribute(id, region, AttributeValue.FromString($"r{random.Next(regions)}"));
            }

            var time = Base + (random.Next(60 * 24) * TimeSpan.TicksPerMinute * 60);
            var path = channels && random.Next(2) == 0 ? ShopPath(random) : null;
            var length = path?.Count ?? (random.Next(4) == 0 ? 1 : 1 + random.Next(12));
            if (steps is not null)
            {
                time += random.Next(180) * TimeSpan.TicksPerDay;
            }

            for (var i = 0; i < length; i++)
            {
                // Ties (no time passes), minutes, hours and days between events.
                time += random.Next(4) switch
                {
                    0 => 0,
                    1 => random.Next(1, 90) * TimeSpan.TicksPerMinute,
                    2 => random.Next(1, 30) * TimeSpan.TicksPerHour,
                    _ => random.Next(1, 9) * TimeSpan.TicksPerDay,
                };
                var survey = path is null ? random.Next(6) == 0 : Array.IndexOf(Surveys, path[i]) >= 0;
                var activity = path?[i] ?? (survey ? Surveys[random.Next(Surveys.Length)] : Activities[random.Next(activityCount)]);
                var e = steps is not null ? AddStep(builder, random, id, activity, time, steps.Value)
                    : channels ? builder.AddEvent(id, activity, time, (short)(60 * random.Next(3))) : builder.AddEvent(id, activity, time);
                if (channels && random.Next(5) > 0)
                {
                    builder.SetChannel(e, Channels[random.Next(Channels.Length)]);
                }

                if (random.Next(3) > 0)
                {
                    builder.SetEventAttribute(e, device, AttributeValue.FromString(Devices[random.Next(Devices.Length)]));
                }

                if (activity == "Order" && random.Next(2) == 0)
                {
                    builder.SetEventAttribute(e, amount, AttributeValue.FromDouble(Math.Round(random.NextDouble() * 500, 2)));
                }

                if (survey)
                {
                    builder.SetEventAttribute(e, score, AttributeValue.FromDouble(Answer(random, activity)));
                    if (random.Next(2) == 0)
                    {
                        builder.SetEventAttribute(e, comment, AttributeValue.FromString(Comments[random.Next(Comments.Length)]));
                    }
                }
                else if (random.Next(10) == 0)
                {
                    builder.SetEventAttribute(e, comment, AttributeValue.FromString(Comments[random.Next(Comments.Length)]));
                }
            }
        }

        return builder.Build();
    }

    /// <summary>The partials of <paramref name="cache"/> over <paramref name="log"/> split into <paramref name="partitions"/>.</summary>
    public static T Partitioned<T>(PartialCache<T> cache, EventLog log, int partitions)
        where T : class =>
        cache.Merge(PartitionedEventLog.Create(log, null, partitions, 1), 1);

    /// <summary>Adds one completed step with its resource, offset and processing information; returns the completing event.</summary>
    private static int AddStep(EventLogBuilder builder, Random random, string id, string activity, long time, ProcessingTimeSource steps)
    {
        var offset = (short)(random.Next(3) * 60);
        var duration = random.Next(4) switch
        {
            0 => 0,
            1 => random.Next(1, 120) * TimeSpan.TicksPerMinute,
            2 => random.Next(1, 48) * TimeSpan.TicksPerHour,
            _ => random.Next(1, 20) * TimeSpan.TicksPerDay,
        };
        if (steps == ProcessingTimeSource.LifecyclePairs)
        {
            var kind = random.Next(6);
            if (kind <= 2)
            {
                var start = builder.AddEvent(id, activity, time - duration, offset);
                builder.SetLifecycle(start, kind == 0 ? "START" : "start");
            }
            else if (kind == 3)
            {
                var scheduled = builder.AddEvent(id, activity, time - duration, offset);
                builder.SetLifecycle(scheduled, "schedule");
            }
            else if (kind == 4)
            {
                // A start that is never completed: of another activity, at the completion's time (a tie).
                var orphan = builder.AddEvent(id, Activities[random.Next(Activities.Length)], time, offset);
                builder.SetLifecycle(orphan, "start");
            }
        }

        var e = builder.AddEvent(id, activity, time, offset);
        builder.SetResource(e, $"R{random.Next(5)}");
        var transition = steps == ProcessingTimeSource.LifecyclePairs ? random.Next(8) : -1;
        if (transition >= 2)
        {
            builder.SetLifecycle(e, "complete");
        }
        else if (transition == 0)
        {
            // Only a start: a one-event case of it has no step at all (not measured).
            builder.SetLifecycle(e, "start");
        }
        else if (steps == ProcessingTimeSource.StartTimestamps && random.Next(3) > 0)
        {
            var start = random.Next(20) == 0 ? time + TimeSpan.TicksPerHour : time - duration;
            builder.SetStartTimestamp(e, start, (short)(random.Next(3) * 60));
        }

        return e;
    }

    /// <summary>The shop's usual path (visit, browse, cart, checkout, order, delivery, survey), often with a step skipped, repeated, inserted or swapped.</summary>
    private static List<string> ShopPath(Random random)
    {
        var path = new List<string> { "Visit", "Browse", "Add to cart", "Checkout", "Order", "Delivery" };
        if (random.Next(2) == 0)
        {
            path.Add("NPS survey");
        }

        var changes = random.Next(3);
        for (var k = 0; k < changes; k++)
        {
            var at = random.Next(path.Count);
            switch (random.Next(4))
            {
                case 0 when path.Count > 1:
                    path.RemoveAt(at);
                    break;
                case 1:
                    path.Insert(at, path[at]);
                    break;
                case 2:
                    path.Insert(at, Activities[random.Next(Activities.Length)]);
                    break;
                default:
                    var other = random.Next(path.Count);
                    (path[at], path[other]) = (path[other], path[at]);
                    break;
            }
        }

        return path;
    }

    private static double Answer(Random random, string survey) => survey switch
    {
        "NPS survey" => random.Next(11),
        "CSAT survey" => 1 + random.Next(5),
        "Effort survey" => 1 + random.Next(7),
        "Rate us" => 1 + random.Next(random.Next(2) == 0 ? 5 : 10),
        _ => Math.Round(random.NextDouble() * 5, 1),
    };
}
