using CsCheck;
using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Storage.Tests;

public sealed class RoundTripPropertyTests
{
    private static readonly long Origin = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static readonly string[] Texts = ["", "a b", "quote\"s", "it's", "ünï©ødé", "line\nbreak", "x:y", "B2B"];

    private static readonly short[] Offsets = [0, 0, 60, -300, 330];

    /// <summary>One generated event: small ranges so that ties, repeats and nulls are common.</summary>
    private sealed record EventSpec(
        int Case, int Activity, int Minute, short Offset, int Lifecycle, int Resource, int Start, int Amount, int Items,
        int Flag, int Due, int Label);

    private static readonly Gen<EventSpec> GenEvent =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 4], Gen.Int[0, 6], Gen.Int[0, Offsets.Length - 1], Gen.Int[-1, 1], Gen.Int[-1, 2])
            .SelectMany(a => Gen.Select(Gen.Int[-1, 3], Gen.Int[-1, 4], Gen.Int[-1, 4], Gen.Int[-1, 1], Gen.Int[-1, 2], Gen.Int[-1, Texts.Length - 1])
                .Select(b => new EventSpec(a.Item1, a.Item2, a.Item3, Offsets[a.Item4], a.Item5, a.Item6, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6)));

    private static readonly Gen<(EventSpec[] Events, int[] CaseSegments)> GenLog =
        Gen.Select(GenEvent.Array[0, 40], Gen.Int[-1, Texts.Length - 1].Array[6]);

    private static EventLog Build((EventSpec[] Events, int[] CaseSegments) spec)
    {
        var builder = new EventLogBuilder();
        foreach (var e in spec.Events)
        {
            var caseId = "case " + Texts[e.Case];
            var i = builder.AddEvent(caseId, "act-" + e.Activity, Origin + (e.Minute * TimeSpan.TicksPerMinute), e.Offset);
            if (e.Lifecycle >= 0)
            {
                builder.SetLifecycle(i, e.Lifecycle == 0 ? "start" : "complete");
            }

            if (e.Resource >= 0)
            {
                builder.SetResource(i, Texts[e.Resource]);
            }

            if (e.Start >= 0)
            {
                builder.SetStartTimestamp(i, Origin - (e.Start * TimeSpan.TicksPerHour), Offsets[e.Start]);
            }

            if (e.Amount >= 0)
            {
                builder.SetEventAttribute(i, "amount €", AttributeValue.FromDouble((e.Amount * 1.25) - 2));
            }

            if (e.Items >= 0)
            {
                builder.SetEventAttribute(i, "items", AttributeValue.FromLong(e.Items - 2));
            }

            if (e.Flag >= 0)
            {
                builder.SetEventAttribute(i, "flag", AttributeValue.FromBoolean(e.Flag == 1));
            }

            if (e.Due >= 0)
            {
                builder.SetEventAttribute(i, "due \"date\"", AttributeValue.FromTimestamp(Origin + (e.Due * TimeSpan.TicksPerDay), Offsets[e.Due]));
            }

            if (e.Label >= 0)
            {
                builder.SetEventAttribute(i, "label", AttributeValue.FromString(Texts[e.Label]));
            }

            if (spec.CaseSegments[e.Case] >= 0)
            {
                builder.SetCaseAttribute(caseId, "segment", AttributeValue.FromString(Texts[spec.CaseSegments[e.Case]]));
                builder.SetCaseAttribute(caseId, "since", AttributeValue.FromTimestamp(Origin - TimeSpan.TicksPerDay, Offsets[e.Case % Offsets.Length]));
            }
        }

        return builder.Build();
    }

    [Fact]
    public async Task StoreThenLoad_RandomLogs_EqualsTheOriginal()
    {
        await GenLog.SampleAsync(
            async spec =>
            {
                using var temp = new TempFolder();
                var log = Build(spec);
                using var workspace = Workspace.Open(temp.Path);

                var summary = await workspace.AppendAsync(new ImportResult(log, "csv", log.EventCount, [], []), "random.csv", TestContext.Current.CancellationToken);
                var loaded = workspace.LoadEventLog(TestContext.Current.CancellationToken);

                // Identical events are distinct real events: every one is kept.
                summary.EventsAdded.ShouldBe(log.EventCount);
                summary.DuplicatesSkipped.ShouldBe(0);
                loaded.ShouldEqualLog(log);
            },
            iter: 25);
    }

    [Fact]
    public async Task StoreTwice_RandomLogs_SecondAddsNothing()
    {
        await GenLog.SampleAsync(
            async spec =>
            {
                using var temp = new TempFolder();
                var log = Build(spec);
                var result = new ImportResult(log, "csv", log.EventCount, [], []);
                using var workspace = Workspace.Open(temp.Path);
                await workspace.AppendAsync(result, "random.csv", TestContext.Current.CancellationToken);
                var version = workspace.Version;

                var again = await workspace.AppendAsync(result, "random.csv", TestContext.Current.CancellationToken);

                again.EventsAdded.ShouldBe(0);
                workspace.Version.ShouldBe(version);
                workspace.LoadEventLog(TestContext.Current.CancellationToken).ShouldEqualLog(log);
            },
            iter: 8);
    }
}
