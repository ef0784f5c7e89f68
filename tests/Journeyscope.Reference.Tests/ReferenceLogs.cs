using System.Collections.Concurrent;
using System.Text.Json;
using Journeyscope.EventLogs;
using Journeyscope.IO;
using Journeyscope.TestSupport;

namespace Journeyscope.Reference.Tests;

/// <summary>The logs that have PM4Py reference outputs, read once per test run, and their reference JSON.</summary>
internal static class ReferenceLogs
{
    public static readonly TheoryData<string> Names = ["receipt", "helpdesk", "SEPSIS", "bpic2013_closed_problems"];

    private static readonly ConcurrentDictionary<string, Lazy<EventLog>> Logs = new(StringComparer.Ordinal);

    public static EventLog Load(string name)
    {
        var path = SharedData.Path($"logs/{name}.xes.gz");
        return Logs.GetOrAdd(name, _ => new Lazy<EventLog>(() => XesImporter.Import(path).Log)).Value;
    }

    public static JsonElement Json(string name, string file)
    {
        var path = SharedData.Path($"reference/{name}/{file}");
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
