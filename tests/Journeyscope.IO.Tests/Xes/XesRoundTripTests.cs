using CsCheck;
using Journeyscope.EventLogs;

namespace Journeyscope.IO.Tests.Xes;

public sealed class XesRoundTripTests
{
    private const string Alphabet = "abcXYZ 019-_:<>&\"'\t\né€漢";

    [Fact]
    public void ExportImport_RandomLogs_Lossless()
    {
        // Given random logs with cases, activities, typed attributes, offsets, lifecycle, resource, channel, start times
        Gen.Int.Sample(
            seed =>
            {
                var original = RandomLog(new Random(seed));

                // When exported to XES and imported again
                using var buffer = new MemoryStream();
                XesExporter.Export(original, buffer);
                buffer.Position = 0;
                var result = XesImporter.Import(buffer, "roundtrip.xes", new ImportOptions { Mode = ImportMode.Strict });

                // Then every column is equal
                result.Quarantine.ShouldBeEmpty();
                AssertSameLog(original, result.Log);
            },
            iter: 60,
            threads: 1);
    }

    [Fact]
    public void ExportImport_GzPath_WritesGzipAndReadsBack()
    {
        // Given a small log and a .xes.gz path
        var original = RandomLog(new Random(7));
        var path = Path.Combine(Path.GetTempPath(), $"xes-rt-{Guid.NewGuid():N}.xes.gz");
        try
        {
            // When exported to the path and imported from it
            XesExporter.Export(original, path);
            var bytes = File.ReadAllBytes(path);
            var back = XesImporter.Import(path, null, TestContext.Current.CancellationToken).Log;

            // Then the file is gzip and the log is unchanged
            bytes[0].ShouldBe((byte)0x1f);
            bytes[1].ShouldBe((byte)0x8b);
            AssertSameLog(original, back);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Export_Event_WritesStandardKeysAndOffsets()
    {
        // Given one event at +02:00 with lifecycle, resource, channel and an id
        var builder = new EventLogBuilder();
        var ev = builder.AddEvent("c1", "Apply", new DateTimeOffset(2024, 3, 1, 10, 0, 0, 123, TimeSpan.FromHours(2)));
        builder.SetLifecycle(ev, "complete");
        builder.SetResource(ev, "Ann");
        builder.SetChannel(ev, "web");
        builder.SetEventAttribute(ev, "event_id", AttributeValue.FromString("e-1"));
        builder.SetCaseAttribute("c1", "amount", AttributeValue.FromLong(5));

        // When exported
        using var buffer = new MemoryStream();
        XesExporter.Export(builder.Build(), buffer);
        var xml = System.Text.Encoding.UTF8.GetString(buffer.ToArray());

        // Then the XES uses the standard extension keys and keeps the offset
        xml.ShouldContain("<extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\" />");
        xml.ShouldContain("<date key=\"time:timestamp\" value=\"2024-03-01T10:00:00.123+02:00\" />");
        xml.ShouldContain("<string key=\"lifecycle:transition\" value=\"complete\" />");
        xml.ShouldContain("<string key=\"org:resource\" value=\"Ann\" />");
        xml.ShouldContain("<string key=\"channel\" value=\"web\" />");
        xml.ShouldContain("<id key=\"identity:id\" value=\"e-1\" />");
        xml.ShouldContain("<int key=\"amount\" value=\"5\" />");
    }

    [Theory]
    [InlineData("org:resource")]
    [InlineData("concept:name")]
    [InlineData("channel")]
    public void Export_AttributeNamedLikeStandardKey_Refused(string name)
    {
        // Given an event attribute that would be read back as a standard key
        var builder = new EventLogBuilder();
        var ev = builder.AddEvent("c", "A", DateTimeOffset.UnixEpoch);
        builder.SetEventAttribute(ev, name, AttributeValue.FromString("x"));
        using var buffer = new MemoryStream();

        // When exported / Then it is refused before anything is written
        Should.Throw<ArgumentException>(() => XesExporter.Export(builder.Build(), buffer)).Message.ShouldContain(name);
        buffer.Length.ShouldBe(0);
    }

    private static EventLog RandomLog(Random random)
    {
        var builder = new EventLogBuilder();
        var activities = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomText(random)).Distinct().ToArray();
        var eventTypes = new[] { AttributeType.String, AttributeType.Long, AttributeType.Double, AttributeType.Boolean, AttributeType.Timestamp };
        var eventColumns = Enumerable.Range(0, random.Next(0, 5)).Select(i => ($"ev_{i}", eventTypes[random.Next(eventTypes.Length)])).ToArray();
        var caseColumns = Enumerable.Range(0, random.Next(0, 4)).Select(i => ($"case_{i}", eventTypes[random.Next(eventTypes.Length)])).ToArray();
        var useLifecycle = random.Next(2) == 0;
        var useResource = random.Next(2) == 0;
        var useChannel = random.Next(2) == 0;
        var useStart = random.Next(2) == 0;
        var useIds = random.Next(2) == 0;
        var caseCount = random.Next(1, 12);
        for (var c = 0; c < caseCount; c++)
        {
            var caseId = $"{RandomText(random)}#{c}";
            foreach (var (name, type) in caseColumns)
            {
                if (random.Next(4) != 0)
                {
                    builder.SetCaseAttribute(caseId, name, RandomValue(random, type));
                }
            }

            var events = random.Next(1, 8);
            for (var e = 0; e < events; e++)
            {
                var (ticks, offset) = RandomTime(random);
                var ev = builder.AddEvent(caseId, activities[random.Next(activities.Length)], ticks, offset);
                if (useLifecycle && random.Next(5) != 0)
                {
                    builder.SetLifecycle(ev, random.Next(2) == 0 ? "start" : "complete");
                }

                if (useResource && random.Next(5) != 0)
                {
                    builder.SetResource(ev, RandomText(random));
                }

                if (useChannel && random.Next(5) != 0)
                {
                    builder.SetChannel(ev, RandomText(random));
                }

                if (useStart && random.Next(3) != 0)
                {
                    var (startTicks, startOffset) = RandomTime(random);
                    builder.SetStartTimestamp(ev, startTicks, startOffset);
                }

                if (useIds)
                {
                    builder.SetEventAttribute(ev, "event_id", AttributeValue.FromString($"id-{c}-{e}"));
                }

                foreach (var (name, type) in eventColumns)
                {
                    if (random.Next(3) != 0)
                    {
                        builder.SetEventAttribute(ev, name, RandomValue(random, type));
                    }
                }
            }
        }

        return builder.Build();
    }

    private static (long Ticks, short Offset) RandomTime(Random random)
    {
        var ticks = new DateTime(1990, 1, 1).Ticks + random.NextInt64(TimeSpan.TicksPerDay * 365 * 40);
        if (random.Next(2) == 0)
        {
            ticks -= ticks % TimeSpan.TicksPerMillisecond;
        }

        var offset = (short)(random.Next(-14 * 4, 14 * 4 + 1) * 15);
        return (ticks, random.Next(4) == 0 ? (short)0 : offset);
    }

    private static AttributeValue RandomValue(Random random, AttributeType type) => type switch
    {
        AttributeType.String => AttributeValue.FromString(RandomText(random)),
        AttributeType.Long => AttributeValue.FromLong(random.Next(3) == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : random.Next(-100, 100)),
        AttributeType.Double => AttributeValue.FromDouble(random.Next(2) == 0 ? (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-20, 20)) : random.Next(-5, 5) * 0.25),
        AttributeType.Boolean => AttributeValue.FromBoolean(random.Next(2) == 0),
        _ => AttributeValue.FromTimestamp(RandomTime(random).Ticks, RandomTime(random).Offset),
    };

    private static string RandomText(Random random)
    {
        var length = random.Next(0, 12);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    internal static void AssertSameLog(EventLog expected, EventLog actual)
    {
        actual.CaseCount.ShouldBe(expected.CaseCount);
        actual.EventCount.ShouldBe(expected.EventCount);
        actual.CaseIds.ShouldBe(expected.CaseIds);
        actual.CaseStarts.ToArray().ShouldBe(expected.CaseStarts.ToArray());
        for (var e = 0; e < expected.EventCount; e++)
        {
            actual.ActivityNames[actual.Activities[e]].ShouldBe(expected.ActivityNames[expected.Activities[e]]);
        }

        actual.Timestamps.ToArray().ShouldBe(expected.Timestamps.ToArray());
        actual.OffsetMinutes.ToArray().ShouldBe(expected.OffsetMinutes.ToArray());
        SameColumn(expected.Lifecycle, actual.Lifecycle, expected.EventCount);
        SameColumn(expected.Resource, actual.Resource, expected.EventCount);
        SameColumn(expected.Channel, actual.Channel, expected.EventCount);
        SameColumn(expected.StartTimestamps, actual.StartTimestamps, expected.EventCount);
        actual.EventAttributes.Select(a => a.Name).Order().ShouldBe(expected.EventAttributes.Select(a => a.Name).Order());
        foreach (var column in expected.EventAttributes)
        {
            SameColumn(column, actual.FindEventAttribute(column.Name), expected.EventCount);
        }

        actual.CaseAttributes.Select(a => a.Name).Order().ShouldBe(expected.CaseAttributes.Select(a => a.Name).Order());
        foreach (var column in expected.CaseAttributes)
        {
            SameColumn(column, actual.FindCaseAttribute(column.Name), expected.CaseCount);
        }
    }

    private static void SameColumn(AttributeColumn? expected, AttributeColumn? actual, int rows)
    {
        if (expected is null)
        {
            actual.ShouldBeNull();
            return;
        }

        actual.ShouldNotBeNull(expected.Name);
        actual.Type.ShouldBe(expected.Type, expected.Name);
        for (var r = 0; r < rows; r++)
        {
            actual.GetValue(r).ShouldBe(expected.GetValue(r), $"{expected.Name} row {r}");
        }
    }
}
