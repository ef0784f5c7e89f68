using System.Globalization;
using System.Text.Json;
using Journeyscope.Agenda;
using Journeyscope.Results;

namespace Journeyscope.Storage;

/// <summary>
/// The improvements of a workspace, kept in <c>improvements.json</c> in its folder (beside <c>journeys/</c>): a small,
/// human-readable, versionable list rather than a table in the event store, since it is edited by people, not appended
/// by importers (docs/value-tracking.md).
/// </summary>
/// <remarks>
/// Writes go to a temporary file that replaces the list, under a process-wide lock, so a reader never sees half a file
/// and two adds in one process never lose one. Two processes adding at the same instant can still race (last write wins).
/// </remarks>
public static class ImprovementStore
{
    /// <summary>The file name in the workspace folder.</summary>
    public const string FileName = "improvements.json";

    private static readonly Lock Gate = new();

    /// <summary>The improvements recorded in <paramref name="folder"/>, in the order they were added; empty when none.</summary>
    /// <exception cref="WorkspaceException">The file exists but is not a list of improvements.</exception>
    public static IReadOnlyList<Improvement> List(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        lock (Gate)
        {
            return Read(Path.Combine(folder, FileName));
        }
    }

    /// <summary>The improvement <paramref name="id"/>, or null.</summary>
    public static Improvement? Find(string folder, string id) =>
        List(folder).FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));

    /// <summary>Records <paramref name="improvement"/> under the next free id (<c>imp-N</c>; its own id is ignored) and returns it.</summary>
    /// <exception cref="ArgumentException">No title or no outcome.</exception>
    public static Improvement Add(string folder, Improvement improvement)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(improvement);
        if (string.IsNullOrWhiteSpace(improvement.Title))
        {
            throw new ArgumentException("An improvement needs a title.", nameof(improvement));
        }

        var hasOutcome = improvement.Outcome.Count > 0 && !improvement.Outcome.All(string.IsNullOrWhiteSpace);
        if (hasOutcome == !string.IsNullOrWhiteSpace(improvement.Kpi))
        {
            throw new ArgumentException("An improvement needs the KPI it should move: an outcome filter or a journey KPI id, not both.", nameof(improvement));
        }

        if (improvement.Kpi is not null && string.IsNullOrWhiteSpace(improvement.Journey))
        {
            throw new ArgumentException("An improvement of a journey KPI needs the journey's id.", nameof(improvement));
        }

        if (improvement.SegmentAttribute is not null && string.IsNullOrWhiteSpace(improvement.SegmentValue))
        {
            throw new ArgumentException("A segment needs both an attribute and a value (attribute=value).", nameof(improvement));
        }

        lock (Gate)
        {
            var path = Path.Combine(folder, FileName);
            var list = Read(path).ToList();
            var next = 1 + list.Select(i => i.Id.StartsWith("imp-", StringComparison.Ordinal) &&
                int.TryParse(i.Id.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
            var added = improvement with { Id = string.Create(CultureInfo.InvariantCulture, $"imp-{next}") };
            list.Add(added);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(list, ResultJson.Indented));
            File.Move(temporary, path, overwrite: true);
            return added;
        }
    }

    private static List<Improvement> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<Improvement>>(File.ReadAllText(path), ResultJson.Options) ?? [];
        }
        catch (JsonException e)
        {
            throw new WorkspaceException($"{path} is not a list of improvements: {e.Message}", e);
        }
    }
}
