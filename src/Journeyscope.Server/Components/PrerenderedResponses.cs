namespace Journeyscope.Server.Components;

/// <summary>
/// The API answers a page got while it was prerendered, handed over to its interactive circuit (kept in
/// <see cref="PrerenderedResponseStore"/> under an id the page persists, by <c>WorkspacePage</c>) so that the circuit shows
/// the same data without asking the API again: one analysis per full page load, and no flash when the circuit takes over.
/// </summary>
/// <remarks>
/// Scoped: one per prerendering request and one per circuit. Only successful GETs are kept, as the JSON text the API sent,
/// up to <see cref="MaxCharacters"/> in all; a bigger answer is asked again by the circuit.
/// Each kept answer is used once, and only until the page's first load in the circuit is done.
/// </remarks>
internal sealed class PrerenderedResponses
{
    /// <summary>The most JSON text kept for one page (characters), so that a huge process map does not hold server memory.</summary>
    public const int MaxCharacters = 4_000_000;

    private readonly Dictionary<string, string> _recorded = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Dictionary<string, string>? _replay;
    private int _characters;

    /// <summary>True while the page is prerendered: answers are kept for the circuit.</summary>
    public bool Recording { get; set; }

    /// <summary>The kept answers by request path and query.</summary>
    public Dictionary<string, string> Recorded
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_recorded, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Keeps the answer to <paramref name="path"/> while recording, within the size bound.</summary>
    public void Record(string path, string json)
    {
        lock (_gate)
        {
            if (Recording && _characters + json.Length <= MaxCharacters && _recorded.TryAdd(path, json))
            {
                _characters += json.Length;
            }
        }
    }

    /// <summary>Answers the circuit's first requests from the answers the prerendering kept.</summary>
    public void Replay(IReadOnlyDictionary<string, string> responses)
    {
        lock (_gate)
        {
            _replay = new Dictionary<string, string>(responses, StringComparer.Ordinal);
        }
    }

    /// <summary>Takes the kept answer to <paramref name="path"/>, once.</summary>
    public bool TryTake(string path, out string json)
    {
        lock (_gate)
        {
            if (_replay is not null && _replay.Remove(path, out var kept))
            {
                json = kept;
                return true;
            }
        }

        json = string.Empty;
        return false;
    }

    /// <summary>Drops what the circuit did not ask for: from now on every request goes to the API.</summary>
    public void StopReplay()
    {
        lock (_gate)
        {
            _replay = null;
        }
    }
}
