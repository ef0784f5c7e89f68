using CsCheck;
using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Core.Tests.Filters;

public sealed class FilterPropertyTests
{
    private static readonly string[] Names = ["A", "B", "C", "D", "E"];
    private static readonly string[] ChannelNames = ["web", "app", "phone"];
    private static readonly string[] SegmentNames = ["B2B", "B2C"];

    /// <summary>A random log: up to 15 cases of 1-7 events over 5 activities, minute timestamps with ties, channels and a segment.</summary>
    private static readonly Gen<EventLog> GenLog =
        Gen.Select(Gen.Int[0, 14], Gen.Int[0, 4], Gen.Int[0, 600], Gen.Int[0, 3]).Array[0, 60].Select(rows =>
        {
            var builder = new EventLogBuilder();
            foreach (var (c, a, minute, channel) in rows)
            {
                var e = builder.AddEvent($"c{c}", Names[a], TestLogs.Origin.AddMinutes(minute).Ticks);
                if (channel < 3)
                {
                    builder.SetChannel(e, ChannelNames[channel]);
                }

                if (c % 3 != 2)
                {
                    builder.SetCaseAttribute($"c{c}", "segment", AttributeValue.FromString(SegmentNames[c % 3]));
                }
            }

            return builder.Build();
        });

    private static readonly Gen<string[]> GenActivities = Gen.Int[0, 4].Array[1, 3].Select(ix => ix.Select(i => Names[i]).ToArray());

    private static readonly Gen<CaseFilter> GenCaseFilter = Gen.OneOf<CaseFilter>(
        Gen.Select(Gen.Int[0, 1], Gen.Bool, (s, n) => (CaseFilter)new CaseAttributeFilter("segment", [SegmentNames[s]], n)),
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 600], Gen.Int[0, 600], (m, a, b) =>
            (CaseFilter)new TimeWindowFilter((TimeWindowMode)m, TestLogs.Origin.AddMinutes(Math.Min(a, b)).Ticks, TestLogs.Origin.AddMinutes(Math.Max(a, b)).Ticks)),
        Gen.Select(Gen.Int[0, 300], Gen.Int[0, 300], (a, b) =>
            (CaseFilter)new DurationFilter(TimeSpan.FromMinutes(Math.Min(a, b)), TimeSpan.FromMinutes(Math.Max(a, b)))),
        Gen.Int[1, 4].Select(k => (CaseFilter)VariantFilter.MostFrequent(k)),
        Gen.Int[1, 100].Select(p => (CaseFilter)VariantFilter.Covering(p / 100.0)),
        Gen.Select(Gen.Bool, Gen.Int[0, 4], Gen.Int[0, 4], Gen.Bool, (d, a, b, n) =>
            (CaseFilter)new RelationFilter(d ? RelationKind.DirectlyFollows : RelationKind.EventuallyFollows, Names[a], Names[b], n)),
        Gen.Select(Gen.Bool, GenActivities, (end, acts) => (CaseFilter)new EndpointActivityFilter(end, acts)));

    private static readonly Gen<LogFilter> GenFilter = Gen.OneOf<LogFilter>(
        GenCaseFilter.Select(f => (LogFilter)f),
        Gen.Select(GenActivities, Gen.Bool, (acts, remove) => (LogFilter)new ActivityFilter(acts, remove)),
        Gen.Select(Gen.Int[0, 2], Gen.Bool, (c, n) => (LogFilter)new EventAttributeFilter("channel", [ChannelNames[c]], n)));

    [Fact]
    public void Filters_NeverInventOrReorderEvents()
    {
        Gen.Select(GenLog, GenFilter.Array[1, 4]).Sample((log, filters) =>
        {
            var result = FilterPipeline.Apply(log, filters);

            for (var c = 0; c < result.CaseCount; c++)
            {
                var original = IndexOf(log, result.CaseIds[c]);
                original.ShouldBeGreaterThanOrEqualTo(0);
                IsSubsequence(Events(result, c), Events(log, original)).ShouldBeTrue();
            }
        }, iter: 300, print: t => string.Join(" ; ", t.Item2.Select(f => f.ToString())));
    }

    [Fact]
    public void CaseFilters_InOnePipeline_EqualOneAfterAnother()
    {
        Gen.Select(GenLog, GenCaseFilter, GenCaseFilter).Sample((log, first, second) =>
        {
            var fused = FilterPipeline.Apply(log, first, second);
            var stepwise = FilterPipeline.Apply(FilterPipeline.Apply(log, first), second);

            Dump(fused).ShouldBe(Dump(stepwise));
        }, iter: 300, print: t => t.Item2 + " ; " + t.Item3);
    }

    [Fact]
    public void AnyFilters_InOnePipeline_EqualOneAfterAnother()
    {
        Gen.Select(GenLog, GenFilter.Array[2, 4]).Sample((log, filters) =>
        {
            var fused = FilterPipeline.Apply(log, filters);
            var stepwise = log;
            foreach (var filter in filters)
            {
                stepwise = FilterPipeline.Apply(stepwise, filter);
            }

            Dump(fused).ShouldBe(Dump(stepwise));
        }, iter: 300, print: t => string.Join(" ; ", t.Item2.Select(f => f.ToString())));
    }

    [Fact]
    public void ActivityCounts_OverFilteredLog_EqualThoseOfTheRebuiltLog()
    {
        Gen.Select(GenLog, GenFilter.Array[1, 3]).Sample((log, filters) =>
        {
            var result = FilterPipeline.Apply(log, filters);
            var builder = new EventLogBuilder();
            for (var c = 0; c < result.CaseCount; c++)
            {
                for (var e = result.CaseStart(c); e < result.CaseStart(c + 1); e++)
                {
                    builder.AddEvent(result.CaseIds[c], result.ActivityNames[result.Activities[e]], result.Timestamps[e]);
                }
            }

            var rebuilt = builder.Build();

            Counts(result).ShouldBe(Counts(rebuilt));
            Dump(result).ShouldBe(Dump(rebuilt));
        }, iter: 200);
    }

    private static int IndexOf(EventLog log, string caseId)
    {
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (log.CaseIds[c] == caseId)
            {
                return c;
            }
        }

        return -1;
    }

    private static List<(string Activity, long Time, string? Channel)> Events(EventLog log, int c)
    {
        var list = new List<(string, long, string?)>();
        for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
        {
            list.Add((log.ActivityNames[log.Activities[e]], log.Timestamps[e], log.Channel?.GetString(e)));
        }

        return list;
    }

    private static bool IsSubsequence<T>(List<T> part, List<T> whole)
    {
        var j = 0;
        foreach (var item in whole)
        {
            if (j < part.Count && EqualityComparer<T>.Default.Equals(part[j], item))
            {
                j++;
            }
        }

        return j == part.Count;
    }

    private static string Dump(EventLog log)
    {
        var lines = new List<string>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            lines.Add(log.CaseIds[c] + ":" + string.Join(",", Events(log, c).Select(e => $"{e.Activity}@{e.Time}")));
        }

        return string.Join("\n", lines);
    }

    private static SortedDictionary<string, int> Counts(EventLog log)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in log.Activities)
        {
            var name = log.ActivityNames[a];
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }
}
