using CsCheck;
using Journeyscope.EventLogs;

namespace Journeyscope.IO.Tests.Parquet;

public sealed class ParquetRoundTripTests
{
    private static readonly string[] CaseIds = ["c1", "c2", "case 3", "日本-4", "ç\"5"];
    private static readonly string[] Activities = ["Visit", "Order", "Pay", "Ship", "Return"];
    private static readonly long MinTicks = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly long MaxTicks = new DateTime(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static readonly Gen<(long Ticks, short Offset)> Time =
        Gen.Select(Gen.Long[MinTicks, MaxTicks], Gen.Short[-840, 840], (t, o) => (t, o));

    private static readonly Gen<string?> OptionalText = Gen.Bool.SelectMany(b => b ? Gen.String.Select(s => (string?)s) : Gen.Const((string?)"").Select(_ => (string?)null));

    private static readonly Gen<EventRow> Row =
        Gen.Select(Gen.Int[0, CaseIds.Length - 1], Gen.Int[0, Activities.Length - 1], Time, Gen.Int[0, 255], OptionalText, Gen.Long, Gen.Double, Gen.Bool)
            .Select(Time, (r, due) => new EventRow(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, r.Item7, r.Item8, due));

    private static readonly Gen<EventLog> Logs =
        Gen.Select(Row.List[0, 40], Gen.Int[0, 255], Gen.String, Gen.Long).Select(x => Build(x.Item1, x.Item2, x.Item3, x.Item4));

    [Fact]
    public void ExportImport_RandomLogs_AreLossless()
    {
        // Given random logs with every kind of column, offsets and missing values
        Logs.Sample(log =>
        {
            // When written to Parquet and read back
            using var stream = new MemoryStream();
            ParquetExporter.Export(log, stream);
            using var temp = new TempFiles();
            var path = temp.Path("log.parquet");
            File.WriteAllBytes(path, stream.ToArray());
            var result = ParquetImporter.Import(path, cancellationToken: TestContext.Current.CancellationToken);

            // Then every column, offset and validity bit is the same
            result.Quarantine.ShouldBeEmpty();
            result.RecordsRead.ShouldBe(log.EventCount);
            LogDescription.Describe(result.Log).ShouldBe(LogDescription.Describe(log));
        }, iter: 60);
    }

    [Fact]
    public void ExportImport_ManyRowGroups_KeepsOrderAndCounts()
    {
        // Given a log larger than one row group
        var builder = new EventLogBuilder();
        var start = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(1));
        var n = 2500;
        for (var i = 0; i < n; i++)
        {
            builder.AddEvent($"c{i % 997}", $"a{i % 7}", start.AddSeconds(i));
        }

        var log = builder.Build();
        using var temp = new TempFiles();
        var path = temp.Path("big.parquet");

        // When exported and imported
        using (var file = File.Create(path))
        {
            ParquetExporter.Export(log, file, rowGroupSize: 1000);
        }

        var back = ParquetImporter.Import(path, cancellationToken: TestContext.Current.CancellationToken).Log;

        // Then the logs are the same
        back.EventCount.ShouldBe(n);
        back.CaseIds.ShouldBe(log.CaseIds);
        back.Timestamps.ToArray().ShouldBe(log.Timestamps.ToArray());
        back.OffsetMinutes.ToArray().ShouldBe(log.OffsetMinutes.ToArray());
    }

    private static EventLog Build(List<EventRow> rows, int caseMask, string segment, long value)
    {
        var builder = new EventLogBuilder();
        foreach (var row in rows)
        {
            var ev = builder.AddEvent(CaseIds[row.Case], Activities[row.Activity], row.Time.Ticks, row.Time.Offset);
            if ((row.Mask & 1) != 0)
            {
                builder.SetLifecycle(ev, row.Mask % 3 == 0 ? "start" : "complete");
            }

            if ((row.Mask & 2) != 0)
            {
                builder.SetResource(ev, row.Text ?? "nobody");
                builder.SetEventAttribute(ev, "amount", AttributeValue.FromLong(row.Number));
            }

            if ((row.Mask & 4) != 0)
            {
                builder.SetChannel(ev, "web");
                builder.SetStartTimestamp(ev, row.Due.Ticks, row.Due.Offset);
            }

            if ((row.Mask & 8) != 0 && double.IsFinite(row.Real))
            {
                builder.SetEventAttribute(ev, "score", AttributeValue.FromDouble(row.Real));
            }

            if ((row.Mask & 16) != 0)
            {
                builder.SetEventAttribute(ev, "flag", AttributeValue.FromBoolean(row.Flag));
            }

            if ((row.Mask & 32) != 0)
            {
                builder.SetEventAttribute(ev, "due", AttributeValue.FromTimestamp(row.Due.Ticks, row.Due.Offset));
            }

            if ((row.Mask & 64) != 0 && row.Text is not null)
            {
                builder.SetEventAttribute(ev, "note", AttributeValue.FromString(row.Text));
                builder.SetEventAttribute(ev, "event_id", AttributeValue.FromString("id-" + row.Text));
            }
        }

        for (var c = 0; c < CaseIds.Length; c++)
        {
            if ((caseMask & (1 << c)) != 0)
            {
                builder.SetCaseAttribute(CaseIds[c], "segment", AttributeValue.FromString(segment));
                builder.SetCaseAttribute(CaseIds[c], "value", AttributeValue.FromLong(value + c));
            }
        }

        return builder.Build();
    }

    private sealed record EventRow(
        int Case, int Activity, (long Ticks, short Offset) Time, int Mask, string? Text, long Number, double Real, bool Flag,
        (long Ticks, short Offset) Due);
}
