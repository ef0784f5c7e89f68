using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>The columns every flat export writes, in order, following the shared field conventions.</summary>
internal static class FlatExportColumns
{
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static string FormatTimestamp(long utcTicks, short offsetMinutes) =>
        FormatTimestamp(new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes)));

    /// <summary>The index of the case of each event.</summary>
    public static int[] CaseOfEvent(EventLog log)
    {
        var cases = new int[log.EventCount];
        var starts = log.CaseStarts;
        for (var c = 0; c < log.CaseCount; c++)
        {
            cases.AsSpan(starts[c], starts[c + 1] - starts[c]).Fill(c);
        }

        return cases;
    }
}
