using System.Diagnostics;
using Journeyscope.Server.Components.Api;
using Journeyscope.Server.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Journeyscope.Server.Components.Pages;

/// <summary>
/// A page about one workspace: it loads its data through the API with a cancellable token, shows progress while
/// loading and the API's problem message when a call fails.
/// </summary>
/// <remarks>
/// A full page load runs the page's analyses once: the circuit's first load reads the prerendering's API answers
/// (<see cref="PrerenderedPage"/>).
/// </remarks>
public abstract class WorkspacePage : PrerenderedPage
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromSeconds(1);

    private CancellationTokenSource? _loading;
    private WorkspaceHost? _watched;
    private int _refreshQueued;
    private long _lastRefresh;
    private bool _disposed;

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

    /// <summary>
    /// Whether the page re-fetches its data when the workspace gets new events (the collector's live events), at most
    /// about once a second, without a reload. Off by default; the overview, the process map and the KPIs turn it on.
    /// </summary>
    protected virtual bool RefreshOnNewEvents => false;

    /// <summary>Cancels the running analysis (the Cancel button).</summary>
    protected void Cancel() => _loading?.Cancel();

    /// <inheritdoc />
    protected override Task OnParametersSetAsync() => LoadOnceAsync(LoadForParametersAsync);

    private Task LoadForParametersAsync()
    {
        Workspace.Current = Ws;
        if (RefreshOnNewEvents && _watched is null && PageServices.GetService(typeof(WorkspaceHost)) is WorkspaceHost host)
        {
            _watched = host;
            _watched.Changed += OnWorkspaceChanged;
        }

        _lastRefresh = Stopwatch.GetTimestamp();
        return RunAsync(LoadAsync);
    }

    /// <summary>On the collector's thread: queues one re-fetch, at least <see cref="LiveInterval"/> after the last one.</summary>
    private void OnWorkspaceChanged(string name)
    {
        if (!string.Equals(name, Ws, StringComparison.Ordinal) || Interlocked.Exchange(ref _refreshQueued, 1) == 1)
        {
            return;
        }

        var wait = LiveInterval - Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastRefresh));
        _ = Task.Run(async () =>
        {
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                Volatile.Write(ref _refreshQueued, 0);
                Interlocked.Exchange(ref _lastRefresh, Stopwatch.GetTimestamp());
                if (!_disposed)
                {
                    // While the user's own analysis runs, the refresh waits for the next interval instead of cancelling it.
                    await InvokeAsync(() =>
                    {
                        // Not an inbound circuit activity: name the circuit's services, so that the UI's API calls carry its user.
                        if (PageServices.GetService(typeof(CircuitServices)) is CircuitServices circuit)
                        {
                            circuit.Services = PageServices;
                        }

                        if (!Loading)
                        {
                            return RunAsync(LoadAsync);
                        }

                        OnWorkspaceChanged(name);
                        return Task.CompletedTask;
                    });
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
                // The circuit closed meanwhile: nothing to refresh.
            }
        });
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

    /// <summary>Cancels a running analysis.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _disposed = true;
            if (_watched is not null)
            {
                _watched.Changed -= OnWorkspaceChanged;
                _watched = null;
            }

            _loading?.Cancel();
            _loading?.Dispose();
            _loading = null;
        }
    }
}
