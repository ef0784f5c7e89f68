using System.Diagnostics;

namespace Journeyscope.Server.Components;

/// <summary>
/// Holds the API answers of prerendered pages on the server until their circuits take them (<see cref="PrerenderedResponses"/>):
/// the page carries only a random id in its persisted state, so no analysis result travels to the browser and back (the
/// Blazor hub also refuses big messages from the browser).
/// </summary>
/// <remarks>
/// Singleton and thread-safe. An entry is taken once, by the circuit of the same user, and is dropped after
/// <see cref="Lifetime"/> when no circuit came for it (a closed tab, a script fetching the HTML); at most
/// <see cref="MaxCharacters"/> are held in all, beyond which the newest page's answers are not kept (its circuit asks the API).
/// </remarks>
internal sealed class PrerenderedResponseStore
{
    /// <summary>How long a prerendered page's answers wait for its circuit.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>The most JSON text held for all waiting pages together.</summary>
    public const long MaxCharacters = 64_000_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _characters;

    /// <summary>Keeps <paramref name="responses"/> for <paramref name="user"/>; returns the id to persist, or null when over the bound.</summary>
    public string? Put(string? user, Dictionary<string, string> responses)
    {
        long size = 0;
        foreach (var json in responses.Values)
        {
            size += json.Length;
        }

        lock (_gate)
        {
            Sweep();
            if (_characters + size > MaxCharacters)
            {
                return null;
            }

            var id = Guid.NewGuid().ToString("N");
            _entries[id] = new Entry(user, responses, size, Stopwatch.GetTimestamp());
            _characters += size;
            return id;
        }
    }

    /// <summary>Takes the answers kept under <paramref name="id"/> for <paramref name="user"/>, once; null when gone or another user's.</summary>
    public Dictionary<string, string>? Take(string id, string? user)
    {
        lock (_gate)
        {
            Sweep();
            if (!_entries.Remove(id, out var entry))
            {
                return null;
            }

            _characters -= entry.Size;
            return string.Equals(entry.User, user, StringComparison.Ordinal) ? entry.Responses : null;
        }
    }

    private void Sweep()
    {
        List<string>? expired = null;
        foreach (var (id, entry) in _entries)
        {
            if (Stopwatch.GetElapsedTime(entry.Kept) > Lifetime)
            {
                (expired ??= []).Add(id);
            }
        }

        foreach (var id in expired ?? [])
        {
            _characters -= _entries[id].Size;
            _entries.Remove(id);
        }
    }

    private sealed record Entry(string? User, Dictionary<string, string> Responses, long Size, long Kept);
}
