using Journeyscope.EventLogs;

namespace Journeyscope.IO.Tests.Flat;

/// <summary>Random event logs whose values have unambiguous text forms, for export/import round trips.</summary>
internal static class RandomLogs
{
    private const string Tricky = "ab,;\"\t|\r\n é中 x";

    public static EventLog Create(int seed, bool timestampAttributes)
    {
        var random = new Random(seed);
        var builder = new EventLogBuilder();
        var cases = random.Next(1, 8);
        var withStart = random.Next(2) == 0;
        var withResource = random.Next(2) == 0;
        var baseTicks = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        for (var c = 0; c < cases; c++)
        {
            var caseId = $"c{c}{Text(random, 0, 4)}";
            var events = random.Next(1, 6);
            for (var e = 0; e < events; e++)
            {
                var ticks = baseTicks + random.NextInt64(0, TimeSpan.TicksPerDay * 400);
                if (random.Next(3) == 0)
                {
                    ticks -= ticks % TimeSpan.TicksPerSecond;
                }

                var offset = (short)(random.Next(-48, 57) * 15);
                var ev = builder.AddEvent(caseId, "act " + Text(random, 1, 5), ticks, offset);
                if (withStart && random.Next(3) > 0)
                {
                    builder.SetStartTimestamp(ev, ticks - random.NextInt64(0, TimeSpan.TicksPerHour), (short)(random.Next(-4, 5) * 60));
                }

                if (withResource && random.Next(3) > 0)
                {
                    builder.SetResource(ev, "r" + Text(random, 0, 3));
                }

                if (random.Next(2) == 0)
                {
                    builder.SetEventAttribute(ev, "count", AttributeValue.FromLong(random.NextInt64(long.MinValue, long.MaxValue)));
                }

                if (random.Next(2) == 0)
                {
                    var d = random.Next(4) == 0 ? random.Next(-5, 5) : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
                    builder.SetEventAttribute(ev, "amount", AttributeValue.FromDouble(d));
                }

                if (random.Next(2) == 0)
                {
                    builder.SetEventAttribute(ev, "flag", AttributeValue.FromBoolean(random.Next(2) == 0));
                }

                if (random.Next(2) == 0)
                {
                    builder.SetEventAttribute(ev, "note", AttributeValue.FromString("n" + Text(random, 0, 8)));
                }

                if (timestampAttributes && random.Next(2) == 0)
                {
                    builder.SetEventAttribute(ev, "due", AttributeValue.FromTimestamp(baseTicks + random.NextInt64(0, TimeSpan.TicksPerDay), (short)(random.Next(-8, 9) * 30)));
                }
            }

            if (random.Next(2) == 0)
            {
                builder.SetCaseAttribute(caseId, "segment", AttributeValue.FromString("s" + Text(random, 0, 3)));
            }

            if (random.Next(2) == 0)
            {
                builder.SetCaseAttribute(caseId, "value", AttributeValue.FromLong(random.Next(-1000, 1000)));
            }
        }

        return builder.Build();
    }

    private static string Text(Random random, int min, int max)
    {
        var length = random.Next(min, max + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Tricky[random.Next(Tricky.Length)];
        }

        return new string(chars);
    }

    /// <summary>Describes a log completely (per event and per case, typed), for equality checks.</summary>
    public static List<string> Describe(EventLog log)
    {
        var lines = new List<string>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            var caseLine = $"case {log.CaseIds[c]}";
            foreach (var column in log.CaseAttributes.Where(a => a.CountValid() > 0).OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                caseLine += $" | {column.Name}:{column.Type}={column.GetValue(c)}";
            }

            lines.Add(caseLine);
            for (var ev = log.CaseStart(c); ev < log.CaseStart(c + 1); ev++)
            {
                var ts = log.GetTimestamp(ev);
                var line = $"  {log.ActivityNames[log.Activities[ev]]} @ {ts.UtcTicks}{ts.Offset}";
                line += $" start={log.StartTimestamps?.GetValue(ev)?.AsUtcTicks()}/{log.StartTimestamps?.GetValue(ev)?.OffsetMinutes}";
                line += $" res={log.Resource?.GetString(ev)} ch={log.Channel?.GetString(ev)} lc={log.Lifecycle?.GetString(ev)}";
                foreach (var column in log.EventAttributes.Where(a => a.CountValid() > 0).OrderBy(a => a.Name, StringComparer.Ordinal))
                {
                    var value = column.GetValue(ev);
                    line += $" | {column.Name}:{column.Type}={value}/{value?.OffsetMinutes}";
                }

                lines.Add(line);
            }
        }

        return lines;
    }
}
