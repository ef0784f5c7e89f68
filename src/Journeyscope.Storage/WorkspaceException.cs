namespace Journeyscope.Storage;

/// <summary>
/// A workspace cannot be opened or used: the folder is not a workspace, the database is locked by another process,
/// or it is damaged. The message says what to do.
/// </summary>
public sealed class WorkspaceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkspaceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public WorkspaceException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public WorkspaceException()
        : base("The workspace cannot be used.")
    {
    }
}
