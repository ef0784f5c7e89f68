using System.Globalization;
using CsCheck;
using Journeyscope.EventLogs;

namespace Journeyscope.IO.Tests.Ocel;

public sealed class OcelRoundTripTests
{
    private static readonly string[] ObjectTypes = ["order", "item", "customer"];
    private static readonly string[] EventTypes = ["create", "pay", "ship"];
    private static readonly string[] Qualifiers = ["", "main", "part of", "ß ünï"];
    private static readonly long MinTicks = new DateTime(1971, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly long MaxTicks = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static readonly Gen<DateTimeOffset> Time = Gen.Select(Gen.Long[MinTicks, MaxTicks], Gen.Short[-840, 840],
        (t, o) => new DateTimeOffset(t, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(o)));

    /// <summary>Attribute names have one type each, as OCEL declarations require.</summary>
    private static readonly Gen<OcelAttribute> Attribute = Gen.Int[0, 4].SelectMany(kind => kind switch
    {
        0 => Gen.String.Select(s => new OcelAttribute("note", AttributeValue.FromString(s))),
        1 => Gen.Long.Select(l => new OcelAttribute("qty", AttributeValue.FromLong(l))),
        2 => Gen.Double.Where(double.IsFinite).Select(d => new OcelAttribute("price", AttributeValue.FromDouble(d))),
        3 => Gen.Bool.Select(b => new OcelAttribute("vip", AttributeValue.FromBoolean(b))),
        _ => Time.Select(t => new OcelAttribute("due", AttributeValue.FromTimestamp(t))),
    });

    private static readonly Gen<OcelAttribute> ObjectAttribute =
        Gen.Select(Attribute, Gen.Bool, Time, (a, timed, t) => timed ? a with { Time = t } : a);

    private static readonly Gen<ObjectCentricData> Data =
        Gen.Select(
            Gen.Select(Gen.Int[0, ObjectTypes.Length - 1], ObjectAttribute.List[0, 3]).List[0, 8],
            Gen.Select(Gen.Int[0, EventTypes.Length - 1], Time, Attribute.List[0, 3]).List[0, 12],
            Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, Qualifiers.Length - 1]).List[0, 20],
            Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, Qualifiers.Length - 1]).List[0, 8])
        .Select((objects, events, e2o, o2o) =>
        {
            var os = objects.Select((o, i) => new OcelObject($"o{i}", ObjectTypes[o.Item1], o.Item2.ToArray())).ToArray();
            var es = events.Select((e, i) => new OcelEvent($"e{i}", EventTypes[e.Item1], e.Item2, e.Item3.ToArray())).ToArray();
            var eos = os.Length == 0 || es.Length == 0 ? [] :
                e2o.Select(r => new OcelEventObject(es[r.Item1 % es.Length].Id, os[r.Item2 % os.Length].Id, Qualifiers[r.Item3])).ToArray();
            var oos = os.Length == 0 ? [] :
                o2o.Select(r => new OcelObjectObject(os[r.Item1 % os.Length].Id, os[r.Item2 % os.Length].Id, Qualifiers[r.Item3])).ToArray();
            return new ObjectCentricData(es, os, eos, oos);
        });

    [Fact]
    public void ExportImport_RandomObjectCentricData_IsLossless()
    {
        // Given random object-centric data with typed, timed and untimed attributes and qualified relations
        Data.Sample(data =>
        {
            // When written as OCEL 2.0 JSON and imported again
            using var temp = new TempFiles();
            var path = temp.Path("data.jsonocel");
            OcelJsonExporter.Export(data, path);
            var result = OcelImporter.Import(path, cancellationToken: TestContext.Current.CancellationToken);

            // Then events, objects, attributes and relations are the same
            result.Quarantine.ShouldBeEmpty();
            result.Format.ShouldBe("ocel-json");
            Describe(result.Objects!).ShouldBe(Describe(data));
        }, iter: 80);
    }

    [Fact]
    public void FromEventLog_ExportedAndFlattenedOnCase_GivesTheSameJourneys()
    {
        // Given a flat log with case attributes, offsets and an event attribute
        var builder = new EventLogBuilder();
        var t0 = new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.FromHours(1));
        for (var i = 0; i < 30; i++)
        {
            var ev = builder.AddEvent($"c{i % 4}", $"a{i % 3}", t0.AddMinutes(i * 17).ToOffset(TimeSpan.FromHours(i % 2 + 1)));
            builder.SetEventAttribute(ev, "amount", AttributeValue.FromLong(i));
        }

        builder.SetCaseAttribute("c1", "segment", AttributeValue.FromString("gold"));
        var log = builder.Build();

        // When converted to OCEL, exported, and imported flattened on 'case'
        var data = OcelConversion.FromEventLog(log);
        using var temp = new TempFiles();
        var path = temp.Path("log.jsonocel");
        OcelJsonExporter.Export(data, path);
        var back = OcelImporter.Import(path, new OcelImportOptions { CaseObjectType = "case" }, cancellationToken: TestContext.Current.CancellationToken).Log;

        // Then each case has the same events, times, offsets and attributes
        back.CaseIds.ShouldBe(log.CaseIds);
        back.Activities.ToArray().ShouldBe(log.Activities.ToArray());
        Enumerable.Range(0, back.EventCount).Select(e => back.GetTimestamp(e).ToString("O", CultureInfo.InvariantCulture))
            .ShouldBe(Enumerable.Range(0, log.EventCount).Select(e => log.GetTimestamp(e).ToString("O", CultureInfo.InvariantCulture)));
        Enumerable.Range(0, back.EventCount).Select(e => back.FindEventAttribute("amount")!.GetValue(e))
            .ShouldBe(Enumerable.Range(0, log.EventCount).Select(e => log.FindEventAttribute("amount")!.GetValue(e)));
        back.FindCaseAttribute("segment")!.GetValue(1).ShouldBe(AttributeValue.FromString("gold"));
        data.Events.Count.ShouldBe(log.EventCount);
        data.Objects.Count.ShouldBe(log.CaseCount);
    }

    private static List<string> Describe(ObjectCentricData data)
    {
        var lines = new List<string>();
        lines.AddRange(data.Events.Select(e => $"E {e.Id} {e.Type} {e.Time:O} " + Attributes(e.Attributes)));
        lines.AddRange(data.Objects.Select(o => $"O {o.Id} {o.Type} " + Attributes(o.Attributes)));
        lines.AddRange(data.EventObjects.Select(r => $"EO {r.EventId} {r.ObjectId} '{r.Qualifier}'").Order(StringComparer.Ordinal));
        lines.AddRange(data.ObjectObjects.Select(r => $"OO {r.SourceId} {r.TargetId} '{r.Qualifier}'").Order(StringComparer.Ordinal));
        return lines;
    }

    private static string Attributes(IReadOnlyList<OcelAttribute> attributes) =>
        string.Join("; ", attributes.Select(a => $"{a.Name}={LogDescription.Text(a.Value)}@{a.Time?.ToString("O", CultureInfo.InvariantCulture) ?? "-"}"));
}
