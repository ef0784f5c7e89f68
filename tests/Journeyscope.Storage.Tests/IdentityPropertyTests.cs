using CsCheck;
using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Storage.Tests;

/// <summary>
/// Properties of event identity on logs where identical events are common: importing twice equals importing once,
/// and importing overlapping exports equals importing their union (per case and content, the larger count).
/// </summary>
public sealed class IdentityPropertyTests
{
    private static readonly long Origin = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>One event from a tiny domain (3 cases, 3 activities, 3 minutes, an optional label): repeats abound.</summary>
    private sealed record Spec(int Case, int Activity, int Minute, int Label)
    {
        public override string ToString() => $"c{Case} act{Activity} m{Minute} l{Label}";
    }

    private static readonly Gen<Spec> GenEvent =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[-1, 1]).Select(t => new Spec(t.Item1, t.Item2, t.Item3, t.Item4));

    private static readonly Gen<Spec[]> GenExport = GenEvent.Array[0, 24];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportResult Result(IEnumerable<Spec> specs)
    {
        var builder = new EventLogBuilder();
        foreach (var spec in specs)
        {
            var e = builder.AddEvent("case " + spec.Case, "act " + spec.Activity, Origin + (spec.Minute * TimeSpan.TicksPerMinute));
            if (spec.Label >= 0)
            {
                builder.SetEventAttribute(e, "label", AttributeValue.FromString("L" + spec.Label));
            }
        }

        var log = builder.Build();
        return new ImportResult(log, "csv", log.EventCount, [], []);
    }

    /// <summary>Every stored event as "case activity ticks label", sorted: the store's content as a multiset.</summary>
    private static List<string> Contents(Workspace workspace)
    {
        var log = workspace.LoadEventLog(Ct);
        var label = log.FindEventAttribute("label");
        var rows = new List<string>(log.EventCount);
        for (var c = 0; c < log.CaseCount; c++)
        {
            for (var e = log.CaseStarts[c]; e < log.CaseStarts[c + 1]; e++)
            {
                rows.Add($"{log.CaseIds[c]} {log.ActivityNames[log.Activities[e]]} {log.Timestamps[e]} {label?.GetValue(e)}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task AppendTwice_RandomLogsWithRepeats_EqualsAppendOnce()
    {
        await GenExport.SampleAsync(
            async specs =>
            {
                // Given
                using var onceFolder = new TempFolder();
                using var twiceFolder = new TempFolder();
                using var once = Workspace.Open(onceFolder.Path);
                using var twice = Workspace.Open(twiceFolder.Path);

                // When
                var first = await once.AppendAsync(Result(specs), "a.csv", Ct);
                await twice.AppendAsync(Result(specs), "a.csv", Ct);
                var second = await twice.AppendAsync(Result(specs), "a.csv", Ct);

                // Then
                first.EventsAdded.ShouldBe(specs.Length);
                second.EventsAdded.ShouldBe(0);
                twice.Version.ShouldBe(once.Version);
                twice.LoadEventLog(Ct).ShouldEqualLog(once.LoadEventLog(Ct));
            },
            iter: 15);
    }

    [Fact]
    public async Task AppendOverlappingExports_RandomLogsWithRepeats_EqualsAppendTheirUnion()
    {
        await Gen.Select(GenExport, GenExport).SampleAsync(
            async (a, b) =>
            {
                // Given the union of two exports: each (case, content) as often as the export holding it most
                var union = a.Concat(b).GroupBy(s => s)
                    .SelectMany(g => Enumerable.Repeat(g.Key, Math.Max(a.Count(s => s == g.Key), b.Count(s => s == g.Key))))
                    .ToArray();
                using var bothFolder = new TempFolder();
                using var unionFolder = new TempFolder();
                using var both = Workspace.Open(bothFolder.Path);
                using var expected = Workspace.Open(unionFolder.Path);

                // When
                await both.AppendAsync(Result(a), "monday.csv", Ct);
                await both.AppendAsync(Result(b), "tuesday.csv", Ct);
                await expected.AppendAsync(Result(union), "union.csv", Ct);

                // Then
                Contents(both).ShouldBe(Contents(expected));
                both.GetInfo().EventCount.ShouldBe(union.Length);
            },
            iter: 15);
    }
}
