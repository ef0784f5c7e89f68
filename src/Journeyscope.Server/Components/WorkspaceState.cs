namespace Journeyscope.Server.Components;

/// <summary>The workspace the user is looking at in this circuit, and the filter lines applied to every page.</summary>
internal sealed class WorkspaceState
{
    private string? _current;

    public event Action? Changed;

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
