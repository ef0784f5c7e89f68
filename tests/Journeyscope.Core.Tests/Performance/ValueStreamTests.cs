using CsCheck;
using Journeyscope.Core.Tests.Filters;
using Journeyscope.EventLogs;
using Journeyscope.Performance;

namespace Journeyscope.Core.Tests.Performance;

public sealed class ValueStreamTests
{
    private static readonly TimeSpan H = TimeSpan.FromHours(1);

    private static ValueStreamResult Analyze(EventLog log, ValueStreamOptions? options = null) =>
        ValueStream.Analyze(log, options, TestContext.Current.CancellationToken);

    [Fact]
    public void Analyze_InstantEvents_AllTimeIsWaitingAndEfficiencyUnknown()
    {
        var log = TestLogs.Build(
            ("c0", "A", 0), ("c0", "B", 2), ("c0", "C", 5),
            ("c1", "A", 0), ("c1", "B", 4));

        var result = Analyze(log);

        result.Source.ShouldBe(ProcessingTimeSource.None);
        result.Cases[0].ShouldBe(new CaseValueStream("c0", 5 * H, TimeSpan.Zero, 5 * H, null));
        result.Cases[1].ShouldBe(new CaseValueStream("c1", 4 * H, TimeSpan.Zero, 4 * H, null));
        result.FlowEfficiency.ShouldBeNull();
        result.TotalLeadTime.ShouldBe(9 * H);
        result.MeanLeadTime.ShouldBe(4.5 * H);
        result.Edges.ShouldBe([
            new HandoverWaitingTime("A", "B", 2, 6 * H, 3 * H, 3 * H),
            new HandoverWaitingTime("B", "C", 1, 3 * H, 3 * H, 3 * H),
        ]);
        var b = result.Activities.Single(a => a.Activity == "B");
        (b.Count, b.WaitCount, b.TotalWaitingTime, b.MeanWaitingTime).ShouldBe((2, 2, 6 * H, 3 * H));
        result.Activities.Single(a => a.Activity == "A").WaitCount.ShouldBe(0);
    }

    [Fact]
    public void Analyze_Bottlenecks_RankedByTotalNotMeanWaitingTime()
    {
        // A->B: three waits of 2h (total 6h, mean 2h); B->C: one wait of 5h (total 5h, mean 5h).
        var log = TestLogs.Build(
            ("c0", "A", 0), ("c0", "B", 2), ("c0", "C", 7),
            ("c1", "A", 0), ("c1", "B", 2),
            ("c2", "A", 0), ("c2", "B", 2));

        var result = Analyze(log);

        result.Bottlenecks.Select(b => (b.Rank, b.Edge.From, b.Edge.To)).ShouldBe([(1, "A", "B"), (2, "B", "C")]);
        result.Bottlenecks[0].Share.ShouldBe(6.0 / 11, 1e-12);
        result.Bottlenecks[1].Share.ShouldBe(5.0 / 11, 1e-12);
    }

    [Fact]
    public void Analyze_MedianOfEvenCount_IsMeanOfMiddleValues()
    {
        var log = TestLogs.Build(
            ("c0", "A", 0), ("c0", "B", 1),
            ("c1", "A", 0), ("c1", "B", 2),
            ("c2", "A", 0), ("c2", "B", 4),
            ("c3", "A", 0), ("c3", "B", 10));

        Analyze(log).Edges.Single().MedianWaitingTime.ShouldBe(3 * H);
    }

    [Fact]
    public void Analyze_StartTimestamps_ProcessingWaitingAndEfficiency()
    {
        var builder = new EventLogBuilder();
        void Add(string c, string a, double start, double end) =>
            builder.SetStartTimestamp(builder.AddEvent(c, a, TestLogs.At(end)), TestLogs.At(start));

        // c0: A [0,1], B [3,4], C [4,6]. c1: B [1,2] and A [0,4] overlap (A completes last).
        Add("c0", "A", 0, 1);
        Add("c0", "B", 3, 4);
        Add("c0", "C", 4, 6);
        Add("c1", "A", 0, 4);
        Add("c1", "B", 1, 2);
        var log = builder.Build();

        var result = Analyze(log);

        result.Source.ShouldBe(ProcessingTimeSource.StartTimestamps);
        result.Cases[0].ShouldBe(new CaseValueStream("c0", 6 * H, 4 * H, 2 * H, 4.0 / 6));
        result.Cases[1].ShouldBe(new CaseValueStream("c1", 4 * H, 4 * H, TimeSpan.Zero, 1.0));
        result.FlowEfficiency!.Value.ShouldBe(8.0 / 10, 1e-12);
        result.MeanFlowEfficiency!.Value.ShouldBe(((4.0 / 6) + 1) / 2, 1e-12);
        result.Edges.Single(e => e.From == "A" && e.To == "B").TotalWaitingTime.ShouldBe(2 * H);
        result.Edges.Single(e => e.From == "B" && e.To == "C").TotalWaitingTime.ShouldBe(TimeSpan.Zero);
        result.Edges.Single(e => e.From == "B" && e.To == "A").TotalWaitingTime.ShouldBe(TimeSpan.Zero);
        var a = result.Activities.Single(x => x.Activity == "A");
        (a.Count, a.TotalProcessingTime, a.MeanProcessingTime).ShouldBe((2, 5 * H, 2.5 * H));
    }

    [Fact]
    public void Analyze_LifecyclePairs_MatchMostRecentStartOfSameActivity()
    {
        var builder = new EventLogBuilder();
        void Add(string c, string a, double at, string? transition)
        {
            var e = builder.AddEvent(c, a, TestLogs.At(at));
            if (transition is not null)
            {
                builder.SetLifecycle(e, transition);
            }
        }

        // c0: A [0,1], B [3,5]. c1: A starts at 0 and 2, an instant B at 1 (no lifecycle), A completes at 3 and 4:
        // the complete at 3 pairs with the start at 2 (most recent), so the wait B->A is 2 - 1 = 1h.
        Add("c0", "A", 0, "start");
        Add("c0", "A", 1, "complete");
        Add("c0", "B", 3, "START");
        Add("c0", "B", 5, "complete");
        Add("c1", "A", 0, "start");
        Add("c1", "B", 1, null);
        Add("c1", "A", 2, "start");
        Add("c1", "A", 3, "complete");
        Add("c1", "A", 4, "complete");
        var log = builder.Build();

        var result = Analyze(log);

        result.Source.ShouldBe(ProcessingTimeSource.LifecyclePairs);
        result.Cases[0].ShouldBe(new CaseValueStream("c0", 5 * H, 3 * H, 2 * H, 0.6));
        result.Cases[1].ShouldBe(new CaseValueStream("c1", 4 * H, 4 * H, TimeSpan.Zero, 1.0));
        result.Edges.Single(e => e.From == "B" && e.To == "A").TotalWaitingTime.ShouldBe(H);
        result.Edges.Single(e => e.From == "A" && e.To == "A").TotalWaitingTime.ShouldBe(TimeSpan.Zero);
        var a = result.Activities.Single(x => x.Activity == "A");
        (a.Count, a.TotalProcessingTime).ShouldBe((3, 6 * H));
    }

    [Fact]
    public void Analyze_WithCalendar_CountsWorkingTimeOnly()
    {
        // Friday 5 Jan 16:00 to Monday 8 Jan 10:00: 2 working hours.
        var log = TestLogs.Build(("c0", "A", (4 * 24) + 16), ("c0", "B", (7 * 24) + 10));

        var result = Analyze(log, new ValueStreamOptions { Calendar = BusinessCalendar.Standard });

        result.UsesCalendar.ShouldBeTrue();
        result.Cases[0].LeadTime.ShouldBe(2 * H);
        result.Edges.Single().TotalWaitingTime.ShouldBe(2 * H);
    }

    [Fact]
    public void Analyze_WallClockBasis_ReadsStartTimestampsAsLocalTimes()
    {
        // Recorded at +01:00: start 10:00 local (09:00Z), completion 11:30 local; a second step completes 13:00 local.
        var builder = new EventLogBuilder();
        var first = builder.AddEvent("c0", "A", TestLogs.At(10.5), 60);
        builder.SetStartTimestamp(first, TestLogs.At(9), 60);
        var second = builder.AddEvent("c0", "B", TestLogs.At(12), 60);
        builder.SetStartTimestamp(second, TestLogs.At(11), 60);
        var log = builder.Build();

        var utc = Analyze(log).Cases.Single();
        var wallClock = Analyze(log.ToTimeBasis(TimeBasis.WallClock)).Cases.Single();

        utc.ShouldBe(new CaseValueStream("c0", 3 * H, 2.5 * H, 0.5 * H, 2.5 / 3));
        wallClock.ShouldBe(utc);
    }

    [Fact]
    public void Analyze_EmptyLog_NoCasesAndUnknownEfficiency()
    {
        var result = Analyze(EventLog.Empty);

        result.Cases.ShouldBeEmpty();
        result.Edges.ShouldBeEmpty();
        result.FlowEfficiency.ShouldBeNull();
        result.MeanLeadTime.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Analyze_RandomLifecycles_LeadIsProcessingPlusWaiting()
    {
        string[] transitions = ["start", "complete", "complete", "schedule"];
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 40], Gen.Int[0, 3]).Array[1, 40].Sample(rows =>
        {
            var builder = new EventLogBuilder();
            foreach (var (c, a, at, t) in rows)
            {
                builder.SetLifecycle(builder.AddEvent($"c{c}", ((char)('A' + a)).ToString(), TestLogs.At(at)), transitions[t]);
            }

            var result = Analyze(builder.Build(), new ValueStreamOptions { Source = ProcessingTimeSource.LifecyclePairs });

            foreach (var row in result.Cases)
            {
                (row.ProcessingTime + row.WaitingTime).ShouldBe(row.LeadTime);
                row.WaitingTime.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
            }

            var completes = rows.Count(r => r.Item4 is 1 or 2);
            result.Activities.Sum(x => x.Count).ShouldBe(completes);
        }, iter: 200);
    }

    [Fact]
    public void Detect_StartTimestampsAndLifecycle_PrefersStartTimestamps()
    {
        var builder = new EventLogBuilder();
        var e = builder.AddEvent("c0", "A", TestLogs.At(1));
        builder.SetLifecycle(e, "start");
        var lifecycleOnly = builder.Build();
        builder.SetStartTimestamp(e, TestLogs.At(0));
        var both = builder.Build();

        ValueStream.Detect(lifecycleOnly).ShouldBe(ProcessingTimeSource.LifecyclePairs);
        ValueStream.Detect(both).ShouldBe(ProcessingTimeSource.StartTimestamps);
    }

    [Fact]
    public void Analyze_ForcedSourceMissing_Throws()
    {
        var log = TestLogs.Build(("c0", "A", 0));

        Should.Throw<ArgumentException>(() => Analyze(log, new ValueStreamOptions { Source = ProcessingTimeSource.StartTimestamps }));
    }

    [Fact]
    public void Analyze_ManyCasesInParallel_AgreesWithDirectComputation()
    {
        // Enough cases for several chunks; instant events, so waits are the plain directly-follows gaps.
        var random = new Random(7);
        var builder = new EventLogBuilder();
        for (var c = 0; c < 5000; c++)
        {
            var t = 0.0;
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                t += random.Next(0, 50);
                builder.AddEvent($"c{c}", ((char)('A' + random.Next(4))).ToString(), TestLogs.At(t));
            }
        }

        var log = builder.Build();

        var result = Analyze(log);

        var expected = new Dictionary<(string, string), (int Count, long Total)>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.CaseStart(c) + 1; e < log.CaseStart(c + 1); e++)
            {
                var key = (log.ActivityNames[log.Activities[e - 1]], log.ActivityNames[log.Activities[e]]);
                var (count, total) = expected.GetValueOrDefault(key);
                expected[key] = (count + 1, total + log.Timestamps[e] - log.Timestamps[e - 1]);
            }
        }

        result.Edges.Count.ShouldBe(expected.Count);
        foreach (var edge in result.Edges)
        {
            (edge.Count, edge.TotalWaitingTime.Ticks).ShouldBe(expected[(edge.From, edge.To)]);
        }

        result.TotalWaitingTime.ShouldBe(TimeSpan.FromTicks(result.Edges.Sum(e => e.TotalWaitingTime.Ticks)));
        result.Cases.Count.ShouldBe(5000);
    }

    [Fact]
    public void Analyze_RandomIntervals_LeadIsProcessingPlusWaitingAndEfficiencyInRange()
    {
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 2], Gen.Int[0, 40], Gen.Int[0, 10]).Array[1, 40].Sample(rows =>
        {
            var builder = new EventLogBuilder();
            foreach (var (c, a, end, length) in rows)
            {
                var e = builder.AddEvent($"c{c}", ((char)('A' + a)).ToString(), TestLogs.At(end));
                builder.SetStartTimestamp(e, TestLogs.At(end - length));
            }

            var result = Analyze(builder.Build());

            foreach (var row in result.Cases)
            {
                (row.ProcessingTime + row.WaitingTime).ShouldBe(row.LeadTime);
                row.ProcessingTime.ShouldBeLessThanOrEqualTo(row.LeadTime);
                if (row.FlowEfficiency is { } efficiency)
                {
                    efficiency.ShouldBeInRange(0.0, 1.0);
                }
            }

            result.Activities.Sum(a => a.Count).ShouldBe(rows.Length);
        }, iter: 200);
    }
}
