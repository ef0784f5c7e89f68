using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.IO.Tests;

/// <summary>Every column of a log as text, so two logs compare cell by cell with a readable diff.</summary>
internal static class LogDescription
{
    public static List<string> Describe(EventLog log)
    {
        var lines = new List<string>
        {
            "event columns: " + string.Join(", ", log.EventAttributes.Select(c => $"{c.Name}:{c.Type}")),
            "case columns: " + string.Join(", ", log.CaseAttributes.Select(c => $"{c.Name}:{c.Type}")),
        };
        for (var c = 0; c < log.CaseCount; c++)
        {
            lines.Add($"case {log.CaseIds[c]}: " + string.Join(", ", log.CaseAttributes.Select(a => $"{a.Name}={Text(a.GetValue(c))}")));
            for (var e = log.CaseStart(c); e < log.CaseStart(c + 1); e++)
            {
                var time = log.GetTimestamp(e);
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  {log.ActivityNames[log.Activities[e]]} @ {time.UtcTicks}{time.Offset} lc={log.Lifecycle?.GetString(e)} res={log.Resource?.GetString(e)} ch={log.Channel?.GetString(e)} start={Text(log.StartTimestamps?.GetValue(e))} ")
                    + string.Join(", ", log.EventAttributes.Select(a => $"{a.Name}={Text(a.GetValue(e))}")));
            }
        }

        return lines;
    }

    public static string Text(AttributeValue? value) => value is { } v
        ? v.Type == AttributeType.Timestamp
            ? string.Create(CultureInfo.InvariantCulture, $"T{v.AsUtcTicks()}{v.OffsetMinutes:+0;-0}")
            : $"{v.Type}:{v}"
        : "null";
}
