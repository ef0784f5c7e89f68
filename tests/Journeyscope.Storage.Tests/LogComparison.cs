using Journeyscope.EventLogs;

namespace Journeyscope.Storage.Tests;

/// <summary>Compares two logs column by column, by value (dictionary codes may differ).</summary>
internal static class LogComparison
{
    public static void ShouldEqualLog(this EventLog actual, EventLog expected)
    {
        actual.CaseIds.ShouldBe(expected.CaseIds);
        actual.CaseStarts.ToArray().ShouldBe(expected.CaseStarts.ToArray());
        Names(actual).ShouldBe(Names(expected));
        actual.Timestamps.ToArray().ShouldBe(expected.Timestamps.ToArray());
        actual.HasOffsets.ShouldBe(expected.HasOffsets);
        actual.OffsetMinutes.ToArray().ShouldBe(expected.OffsetMinutes.ToArray());
        Values(actual.Lifecycle, actual.EventCount).ShouldBe(Values(expected.Lifecycle, expected.EventCount));
        Values(actual.Resource, actual.EventCount).ShouldBe(Values(expected.Resource, expected.EventCount));
        Values(actual.Channel, actual.EventCount).ShouldBe(Values(expected.Channel, expected.EventCount));
        Values(actual.StartTimestamps, actual.EventCount).ShouldBe(Values(expected.StartTimestamps, expected.EventCount));
        (actual.Lifecycle is null).ShouldBe(expected.Lifecycle is null);
        (actual.StartTimestamps is null).ShouldBe(expected.StartTimestamps is null);
        ShouldEqualColumns(actual.EventAttributes, expected.EventAttributes);
        ShouldEqualColumns(actual.CaseAttributes, expected.CaseAttributes);
    }

    private static string[] Names(EventLog log)
    {
        var names = new string[log.EventCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = log.ActivityNames[log.Activities[i]];
        }

        return names;
    }

    private static AttributeValue?[] Values(AttributeColumn? column, int length)
    {
        var values = new AttributeValue?[column is null ? 0 : length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column!.GetValue(i);
        }

        return values;
    }

    private static void ShouldEqualColumns(IReadOnlyList<AttributeColumn> actual, IReadOnlyList<AttributeColumn> expected)
    {
        actual.Select(c => (c.Name, c.Type, c.Length)).ShouldBe(expected.Select(c => (c.Name, c.Type, c.Length)));
        for (var i = 0; i < actual.Count; i++)
        {
            Values(actual[i], actual[i].Length).ShouldBe(Values(expected[i], expected[i].Length), $"column {expected[i].Name}");
        }
    }
}
