using Journeyscope.EventLogs;

namespace Journeyscope.Cli.Bench;

/// <summary>Compares two event logs value by value (names, not dictionary codes): what "results checked equal" means for a whole log.</summary>
internal static class LogEquality
{
    /// <summary>The first differences between <paramref name="ours"/> and <paramref name="baseline"/> (at most 10; empty when equal).</summary>
    public static List<string> Differences(EventLog ours, EventLog baseline)
    {
        var differences = new List<string>();
        if (ours.CaseCount != baseline.CaseCount || ours.EventCount != baseline.EventCount)
        {
            differences.Add($"{ours.CaseCount} cases and {ours.EventCount} events, expected {baseline.CaseCount} and {baseline.EventCount}");
            return differences;
        }

        if (!ours.ActivityNames.SequenceEqual(baseline.ActivityNames, StringComparer.Ordinal))
        {
            differences.Add("activities numbered differently");
        }

        for (var c = 0; c < ours.CaseCount && differences.Count < 10; c++)
        {
            if (!string.Equals(ours.CaseIds[c], baseline.CaseIds[c], StringComparison.Ordinal) || ours.CaseStart(c) != baseline.CaseStart(c))
            {
                differences.Add($"case {c}: {ours.CaseIds[c]}, expected {baseline.CaseIds[c]}");
            }
        }

        for (var e = 0; e < ours.EventCount && differences.Count < 10; e++)
        {
            if (!string.Equals(ours.ActivityNames[ours.Activities[e]], baseline.ActivityNames[baseline.Activities[e]], StringComparison.Ordinal)
                || ours.GetTimestamp(e) != baseline.GetTimestamp(e) || ours.GetTimestamp(e).Offset != baseline.GetTimestamp(e).Offset
                || Text(ours.Lifecycle, e) != Text(baseline.Lifecycle, e) || Text(ours.Resource, e) != Text(baseline.Resource, e)
                || Text(ours.Channel, e) != Text(baseline.Channel, e)
                || ours.StartTimestamps?.GetValue(e) != baseline.StartTimestamps?.GetValue(e))
            {
                differences.Add($"event {e} of case {ours.CaseIds[Case(ours, e)]} differs");
            }
        }

        Columns(differences, "event", ours.EventAttributes, baseline.EventAttributes);
        Columns(differences, "case", ours.CaseAttributes, baseline.CaseAttributes);
        return differences;
    }

    private static void Columns(List<string> differences, string scope, IReadOnlyList<AttributeColumn> ours, IReadOnlyList<AttributeColumn> baseline)
    {
        if (!ours.Select(c => c.Name).SequenceEqual(baseline.Select(c => c.Name), StringComparer.Ordinal))
        {
            differences.Add($"{scope} attributes {string.Join(", ", ours.Select(c => c.Name))}, expected {string.Join(", ", baseline.Select(c => c.Name))}");
            return;
        }

        for (var a = 0; a < ours.Count; a++)
        {
            for (var row = 0; row < ours[a].Length && differences.Count < 10; row++)
            {
                if (ours[a].GetValue(row) != baseline[a].GetValue(row))
                {
                    differences.Add($"{scope} attribute {ours[a].Name} row {row}: {ours[a].GetValue(row)}, expected {baseline[a].GetValue(row)}");
                }
            }
        }
    }

    private static string? Text(StringColumn? column, int row) => column?.GetString(row);

    private static int Case(EventLog log, int e)
    {
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (e < log.CaseStart(c) + log.CaseLength(c))
            {
                return c;
            }
        }

        return log.CaseCount - 1;
    }
}
