namespace Journeyscope.Storage.Erasure;

/// <summary>Options of <see cref="CustomerErasure.Erase"/>.</summary>
public sealed class ErasureOptions
{
    /// <summary>The defaults: erase for real, scan the workspace folder only.</summary>
    public static ErasureOptions Default { get; } = new();

    /// <summary>Count what would be removed, change nothing, scan nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>The name the receipt gives the workspace; its folder by default.</summary>
    public string? WorkspaceName { get; init; }

    /// <summary>
    /// Other folders the product writes the workspace's data to (the server's uploads), by label (a prefix for the receipt's
    /// paths, such as <c>uploads/</c>): their files holding an erased id are deleted, then they are scanned with the workspace.
    /// </summary>
    public IReadOnlyList<(string Label, string Path)> OtherFolders { get; init; } = [];

    /// <summary>The clock that time-stamps the erasure; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
