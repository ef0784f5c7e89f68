using CsCheck;
using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.EventLogs;

public sealed class EventLogPropertyTests
{
    private static readonly Gen<(int Case, int Activity, int Minute)[]> Events =
        Gen.Select(Gen.Int[0, 30], Gen.Int[0, 6], Gen.Int[0, 40]).Array[0, 400];

    [Fact]
    public void Build_AnyEventOrder_EqualsStableSortByCaseFirstAppearanceThenTime()
    {
        Events.Sample(events =>
        {
            // Given events in arbitrary order
            var builder = new EventLogBuilder(4);
            foreach (var (c, a, m) in events)
            {
                builder.AddEvent($"case{c}", $"act{a}", m * TimeSpan.TicksPerMinute);
            }

            // When the log is built
            var log = builder.Build();

            // Then it equals LINQ's stable sort: cases by first appearance, events by time, ties in source order
            var caseOrder = events.Select(e => e.Case).Distinct().ToList();
            var expected = events
                .Select((e, i) => (e, i))
                .OrderBy(x => caseOrder.IndexOf(x.e.Case))
                .ThenBy(x => x.e.Minute)
                .ThenBy(x => x.i)
                .Select(x => ($"case{x.e.Case}", $"act{x.e.Activity}", x.e.Minute * TimeSpan.TicksPerMinute))
                .ToList();
            var actual = new List<(string, string, long)>();
            for (var c = 0; c < log.CaseCount; c++)
            {
                for (var e = log.CaseStarts[c]; e < log.CaseStarts[c + 1]; e++)
                {
                    actual.Add((log.CaseIds[c], log.ActivityNames[log.Activities[e]], log.Timestamps[e]));
                }
            }

            actual.ShouldBe(expected);
            log.CaseCount.ShouldBe(caseOrder.Count);
        });
    }

    [Fact]
    public void CoreColumns_AnyLog_CostAtMost16BytesPerEvent()
    {
        // Given a log with 1,000,000 events in 150,000 cases
        var builder = new EventLogBuilder(1_000_000);
        for (var i = 0; i < 1_000_000; i++)
        {
            builder.AddEvent($"c{i % 150_000}", $"a{i % 24}", i * TimeSpan.TicksPerSecond);
        }

        var log = builder.Build();

        // When the core columns are measured: activity codes, timestamps and case offsets
        long bytes = (log.Activities.Length * sizeof(int)) + (log.Timestamps.Length * sizeof(long)) + (log.CaseStarts.Length * sizeof(int));

        // Then they stay within the 16 bytes per event budget
        ((double)bytes / log.EventCount).ShouldBeLessThanOrEqualTo(16.0);
        log.OffsetMinutes.Length.ShouldBe(0);
    }

    [Fact]
    public void StringAttribute_LowCardinality_CostsFourBytesPerEvent()
    {
        var builder = new EventLogBuilder();
        var handle = builder.GetEventAttributeHandle("org:group");
        for (var i = 0; i < 10_000; i++)
        {
            var e = builder.AddEvent("c", "a", i);
            builder.SetEventAttribute(e, handle, $"group{i % 7}".AsSpan());
        }

        var column = (StringColumn)builder.Build().FindEventAttribute("org:group")!;

        column.Codes.Length.ShouldBe(10_000);
        column.Dictionary.Count.ShouldBe(7);
        column.GetString(8).ShouldBe("group1");
    }
}
