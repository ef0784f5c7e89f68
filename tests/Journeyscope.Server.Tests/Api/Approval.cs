using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// A small approval helper: compares JSON with <c>Snapshots/&lt;name&gt;.approved.json</c>; on a difference (or a missing
/// approved file) it writes <c>&lt;name&gt;.received.json</c> beside it and fails. Review, then rename to accept.
/// </summary>
public static class Approval
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void VerifyJson(string json, string name, [CallerFilePath] string callerPath = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(callerPath))!, "Snapshots");
        var approved = Path.Combine(folder, name + ".approved.json");
        var received = Path.Combine(folder, name + ".received.json");
        var text = JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Indented).ReplaceLineEndings("\n") + "\n";
        if (File.Exists(approved) && string.Equals(File.ReadAllText(approved).ReplaceLineEndings("\n"), text, StringComparison.Ordinal))
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, text);
        Assert.Fail(File.Exists(approved)
            ? $"{name}: the JSON differs from the approved snapshot. Compare {received} with {approved}."
            : $"{name}: no approved snapshot yet. Review {received} and rename it to {Path.GetFileName(approved)}.");
    }
}
