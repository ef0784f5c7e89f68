using System.Collections.Concurrent;
using Journeyscope.Erasure;
using Journeyscope.Storage;
using Journeyscope.Storage.Erasure;

namespace Journeyscope.Server.Services;

public sealed partial class WorkspaceHost
{
    private readonly ConcurrentDictionary<string, byte> _erasing = new(StringComparer.Ordinal);

    /// <summary>
    /// Erases a customer from the workspace <paramref name="name"/> (docs/erasure.md): closes its database (after the
    /// operation in progress), erases and compacts it, then lets requests reopen it; caches drop everything they held for it.
    /// </summary>
    /// <remarks>
    /// While the erasure runs the workspace still exists, but opening it fails with a <see cref="WorkspaceException"/>
    /// saying so: API requests get 409 and the collector 503 with Retry-After, so SDKs send again (and events of the
    /// erased customer are then refused). A dry run reads the open database and closes nothing.
    /// </remarks>
    /// <returns>The receipt, or null when the workspace does not exist.</returns>
    /// <exception cref="WorkspaceException">The database could not be compacted or is open elsewhere.</exception>
    public ErasureReceipt? Erase(string name, string customerId, ErasureOptions options, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(name, nameof(name));
        ArgumentNullException.ThrowIfNull(options);
        options = new ErasureOptions
        {
            DryRun = options.DryRun,
            WorkspaceName = name,
            OtherFolders = options.OtherFolders,
            TimeProvider = options.TimeProvider,
        };
        lock (_createGate)
        {
            if (!Exists(name))
            {
                return null;
            }

            var folder = Path.Combine(Root, name);
            if (options.DryRun)
            {
                return CustomerErasure.Erase(folder, customerId, options, cancellationToken);
            }

            _erasing[name] = 0;
            try
            {
                if (_open.TryRemove(name, out var lazy))
                {
                    try
                    {
                        lazy.Value.Dispose();
                    }
                    catch (WorkspaceException)
                    {
                        // It never opened: nothing to close.
                    }
                }

                return CustomerErasure.Erase(folder, customerId, options, cancellationToken);
            }
            finally
            {
                // Still refusing opens: no request can cache a log of the old file between the eviction and the end.
                Closed?.Invoke(name);
                _erasing.TryRemove(name, out _);
            }
        }
    }
}
