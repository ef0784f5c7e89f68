using System.Text.Json;

namespace Journeyscope.Cli.Bench;

/// <summary>
/// PM4Py 2.7.14's own seconds per step on one reference log, read from <c>reference/&lt;log&gt;/timings.json</c> (recorded
/// alone on a 2-core machine of this kind).
/// </summary>
/// <param name="LogFile">The log's file name the timings were recorded on, e.g. <c>receipt.xes.gz</c>.</param>
/// <param name="Seconds">Seconds per step, by the key of timings.json (<c>parse_read_xes</c>, <c>fitness_alignments</c>...).</param>
internal sealed record Pm4PyTimings(string LogFile, IReadOnlyDictionary<string, double> Seconds)
{
    /// <summary>The key of PM4Py's XES parse (<c>pm4py.read_xes</c>); <c>import_pm4py</c> is the Python module import.</summary>
    public const string ReadXes = "parse_read_xes";

    /// <summary>
    /// The timings recorded on the log whose file name is <paramref name="logFileName"/> (the <c>log</c> key of a
    /// timings.json under <paramref name="referenceFolder"/>), or null when PM4Py was not timed on that file.
    /// </summary>
    public static Pm4PyTimings? ForLog(string? referenceFolder, string logFileName)
    {
        if (referenceFolder is null || !Directory.Exists(referenceFolder))
        {
            return null;
        }

        foreach (var file in Directory.EnumerateFiles(referenceFolder, "timings.json", SearchOption.AllDirectories))
        {
            var timings = Read(file);
            if (timings is not null && string.Equals(timings.LogFile, logFileName, StringComparison.Ordinal))
            {
                return timings;
            }
        }

        return null;
    }

    /// <summary>Reads one timings.json; null when it has no <c>log</c> name or no <c>seconds</c> object.</summary>
    public static Pm4PyTimings? Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        if (!root.TryGetProperty("log", out var log) || log.ValueKind != JsonValueKind.String ||
            !root.TryGetProperty("seconds", out var seconds) || seconds.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in seconds.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                values[property.Name] = property.Value.GetDouble();
            }
        }

        return new Pm4PyTimings(log.GetString()!, values);
    }

    /// <summary>PM4Py's seconds for <paramref name="key"/>, or null when it was not recorded.</summary>
    public double? Get(string key) => Seconds.TryGetValue(key, out var value) ? value : null;
}
