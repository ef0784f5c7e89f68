using Journeyscope.Monitoring;
using Journeyscope.Storage.Monitoring;

namespace Journeyscope.Storage.Tests.Monitoring;

/// <summary>Live deviations kept in live.sqlite: once each, newest first, bounded, paged.</summary>
public sealed class LiveDeviationLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_SameDeviationTwice_KeepsItOnce()
    {
        // Given a deviation recorded once
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path);
        var deviation = Deviation("ann", 0);
        LiveDeviationLog.Record(temp.Path, [deviation]).Count.ShouldBe(1);

        // When it is recorded again (a case fed again after stitching or eviction), beside a new one
        var added = LiveDeviationLog.Record(temp.Path, [deviation, Deviation("bob", 1)]);

        // Then only the new one is added
        added.Select(d => d.Customer).ShouldBe(["bob"]);
        LiveDeviationLog.List(temp.Path).Select(d => d.Customer).ShouldBe(["bob", "ann"]);
    }

    [Fact]
    public void Record_BeyondTheRetention_KeepsTheNewestAndPagesThem()
    {
        // Given a retention of 10 and 25 deviations recorded in three batches
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path);
        var all = Enumerable.Range(0, 25).Select(i => Deviation("c" + i, i)).ToList();
        LiveDeviationLog.Record(temp.Path, all[..10], retention: 10);
        LiveDeviationLog.Record(temp.Path, all[10..20], retention: 10);
        LiveDeviationLog.Record(temp.Path, all[20..], retention: 10);

        // When they are read in pages of 4
        var pages = new List<LiveDeviation>();
        for (var offset = 0; offset < 12; offset += 4)
        {
            pages.AddRange(LiveDeviationLog.List(temp.Path, limit: 4, offset: offset));
        }

        // Then the newest 10 are kept, newest first, and the pages join to them
        LiveDeviationLog.Count(temp.Path).ShouldBe(10);
        pages.Select(d => d.Customer).ShouldBe(Enumerable.Range(15, 10).Reverse().Select(i => "c" + i));
        LiveDeviationLog.List(temp.Path, journey: "other").ShouldBeEmpty();
    }

    private static LiveDeviation Deviation(string customer, int minute) =>
        new("shop", customer, "skipped", "cart", T0.AddMinutes(minute), 1, $"{customer} reached cart after skipping 1 designed step(s)");
}
