using System.Collections.Concurrent;

namespace Journeyscope.Server.Security;

/// <summary>The server's import slots, one per workspace (a singleton: <see cref="ImportGate"/> is made per request).</summary>
public sealed class ImportSlots
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);

    /// <summary>The slot of <paramref name="workspace"/>: one holder at a time.</summary>
    public SemaphoreSlim Of(string workspace) => _slots.GetOrAdd(workspace, _ => new SemaphoreSlim(1, 1));
}
