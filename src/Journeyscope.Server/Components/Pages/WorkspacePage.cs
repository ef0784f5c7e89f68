using Journeyscope.Server.Components.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Journeyscope.Server.Components.Pages;

/// <summary>
/// A page about one workspace: it loads its data through the API with a cancellable token, shows progress while
/// loading and the API's problem message when a call fails.
/// </summary>
public abstract class WorkspacePage : ComponentBase, IDisposable
{
    private CancellationTokenSource? _loading;

    /// <summary>The workspace name from the route.</summary>
    [Parameter]
    public string Ws { get; set; } = "";

    /// <summary>True while an analysis runs.</summary>
    protected bool Loading { get; private set; }

    /// <summary>The last failure's message, shown above the page.</summary>
    protected string? Error { get; set; }

    [Inject]
    internal ApiClient Api { get; set; } = null!;

    [Inject]
    internal WorkspaceState Workspace { get; set; } = null!;

    /// <summary>Cancels the running analysis (the Cancel button).</summary>
    protected void Cancel() => _loading?.Cancel();

    /// <inheritdoc />
    protected override Task OnParametersSetAsync()
    {
        Workspace.Current = Ws;
        return RunAsync(LoadAsync);
    }

    /// <summary>Loads the page's data.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Runs an API call: cancels the previous one, tracks loading, turns failures into <see cref="Error"/>.</summary>
    protected async Task RunAsync(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _loading?.Cancel();
        _loading?.Dispose();
        var cts = _loading = new CancellationTokenSource();
        Loading = true;
        Error = null;
        StateHasChanged();
        try
        {
            await work(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Error = "Cancelled.";
        }
        catch (ApiException e)
        {
            Error = UserMessage.Of(e);
        }
        catch (HttpRequestException e)
        {
            Error = UserMessage.Unreachable(e);
        }
        catch (Exception e) when (e is JSException or IOException)
        {
            // A file the browser can no longer read, or a script failure: tell the user, keep the circuit.
            Error = e.Message;
        }
        finally
        {
            if (ReferenceEquals(cts, _loading))
            {
                Loading = false;
            }

            // Also when called from script (a map click), where Blazor does not re-render by itself.
            StateHasChanged();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Cancels a running analysis.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _loading?.Cancel();
            _loading?.Dispose();
            _loading = null;
        }
    }
}
