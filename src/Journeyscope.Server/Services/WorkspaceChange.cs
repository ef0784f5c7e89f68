namespace Journeyscope.Server.Services;

/// <summary>The outcome of renaming or deleting a workspace (<see cref="WorkspaceHost.Rename"/>, <see cref="WorkspaceHost.Delete"/>).</summary>
public enum WorkspaceChange
{
    /// <summary>The workspace was renamed or deleted.</summary>
    Done,

    /// <summary>There is no workspace of that name.</summary>
    NotFound,

    /// <summary>The new name is taken by another workspace (rename only).</summary>
    NameTaken,

    /// <summary>The workspace is the default workspace, which the UI opens first and which is kept.</summary>
    IsDefault,
}
