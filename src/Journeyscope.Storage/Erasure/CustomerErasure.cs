using Journeyscope.Erasure;

namespace Journeyscope.Storage.Erasure;

/// <summary>
/// Erases one customer from a workspace (GDPR Art. 17, docs/erasure.md): every row naming them or an id merged into them,
/// the database file compacted so no deleted byte remains, their ids added to the suppression list, then every file
/// scanned for their ids and own values.
/// </summary>
public static class CustomerErasure
{
    /// <summary>Erases <paramref name="customerId"/> from the workspace in <paramref name="folder"/>.</summary>
    /// <param name="folder">The workspace folder. No <see cref="Workspace"/> of this process may have it open (the file is rewritten).</param>
    /// <param name="customerId">The customer's id, or any id merged into it (an anonymous id erases the customer it belongs to).</param>
    /// <param name="options">Dry run, receipt name, other folders; <see cref="ErasureOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked before the deletion and between files of the scan; the deletion itself is not cut short.</param>
    /// <returns>The receipt; <see cref="ErasureReceipt.Succeeded"/> is false when the scan found a copy.</returns>
    /// <exception cref="WorkspaceException">The folder is no workspace, the database is in use, or the compaction failed.</exception>
    public static ErasureReceipt Erase(string folder, string customerId, ErasureOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        options ??= ErasureOptions.Default;
        var name = options.WorkspaceName ?? Path.GetFullPath(folder);
        ErasureDeletion deletion;
        string database;
        using (var workspace = Workspace.Open(folder, create: false, options.TimeProvider))
        {
            database = workspace.DatabasePath;
            if (!options.DryRun && workspace.Shared.OpenCount > 1)
            {
                throw new WorkspaceException(
                    $"The workspace '{name}' is open elsewhere in this process; close it before erasing (its database file is rewritten).");
            }

            deletion = workspace.DeleteCustomer(customerId, options.DryRun, cancellationToken);
        }

        // The live rules' firings and the webhook outbox name customers in their bodies: erased (and vacuumed) too.
        deletion = deletion with { Removed = [.. deletion.Removed, .. SqliteErasure.Erase(folder, deletion.Ids, options.DryRun)] };

        var at = options.TimeProvider.GetUtcNow();
        if (options.DryRun)
        {
            return new ErasureReceipt(name, DryRun: true, deletion.Ids.Count, deletion.Removed, [], Compacted: false, deletion.Version, null, Succeeded: true, at);
        }

        DatabaseCompaction.Compact(database);
        var needles = Needles(deletion, out var unverifiable);
        var removedFiles = RemoveFiles(options.OtherFolders, needles, cancellationToken);
        long rows;
        using (var workspace = Workspace.Open(folder, create: false, options.TimeProvider))
        {
            rows = workspace.CountRowsMentioning([.. needles.Select(n => n.Text)]);
        }

        var folders = new List<(string, string)> { (string.Empty, Path.GetFullPath(folder)) };
        folders.AddRange(options.OtherFolders);
        var (files, bytes, findings) = ByteScan.Scan(folders, needles, cancellationToken);
        var verification = new ErasureVerification(files, bytes, needles.Count, findings.Sum(f => f.Occurrences), rows, findings, unverifiable);
        return new ErasureReceipt(
            name, DryRun: false, deletion.Ids.Count, deletion.Removed, removedFiles, Compacted: true, deletion.Version, verification, verification.Clean, at);
    }

    /// <summary>The ids (long enough to search for) and marker values, each named by kind and number.</summary>
    private static List<(string Name, string Text)> Needles(ErasureDeletion deletion, out int unverifiable)
    {
        var needles = new List<(string, string)>();
        unverifiable = 0;
        for (var i = 0; i < deletion.Ids.Count; i++)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(deletion.Ids[i]) < ErasureVerification.MinimumNeedleBytes)
            {
                unverifiable++;
            }
            else
            {
                needles.Add(("id " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), deletion.Ids[i]));
            }
        }

        for (var i = 0; i < deletion.Markers.Count; i++)
        {
            needles.Add(("value " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), deletion.Markers[i]));
        }

        return needles;
    }

    /// <summary>Deletes the files of the other folders (uploads) that hold a needle; returns their labelled paths.</summary>
    private static List<string> RemoveFiles(
        IReadOnlyList<(string Label, string Path)> folders, List<(string Name, string Text)> needles, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        if (folders.Count == 0 || needles.Count == 0)
        {
            return removed;
        }

        var (_, _, findings) = ByteScan.Scan(folders, needles, cancellationToken);
        foreach (var file in findings.Select(f => f.File).Distinct(StringComparer.Ordinal))
        {
            var (label, root) = folders.First(f => file.StartsWith(f.Label, StringComparison.Ordinal));
            var path = Path.Combine(root, file[label.Length..]);
            try
            {
                File.Delete(path);
                removed.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still there: the verification scan reports it.
            }
        }

        return removed;
    }
}
