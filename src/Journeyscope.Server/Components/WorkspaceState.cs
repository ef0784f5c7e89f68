namespace Journeyscope.Server.Components;

/// <summary>The workspace the user is looking at in this circuit, and the filter lines applied to every page.</summary>
internal sealed class WorkspaceState
{
    private string? _current;

    public event Action? Changed;

    /// <summary>Raised when a workspace was created, renamed or deleted, so that the workspace picker lists them again.</summary>
    public event Action? ListChanged;

    /// <summary>Tells the workspace picker the list changed.</summary>
    public void NotifyListChanged() => ListChanged?.Invoke();

    public string? Current
    {
        get => _current;
        set
        {
            if (!string.Equals(_current, value, StringComparison.Ordinal))
            {
                _current = value;
                Changed?.Invoke();
            }
        }
    }
}
