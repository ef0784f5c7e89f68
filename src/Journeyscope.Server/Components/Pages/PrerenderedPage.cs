using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Journeyscope.Server.Components.Pages;

/// <summary>
/// A page that loads its data through the API once per full page load: the workspace pages (<see cref="WorkspacePage"/>), the
/// home page and the Workspaces page.
/// </summary>
/// <remarks>
/// A full page load renders the page twice: prerendered into the HTML, then again when the interactive circuit starts.
/// The API answers of the prerendering are kept on the server (<see cref="PrerenderedResponseStore"/>) and their id handed
/// to the circuit (<see cref="PersistentComponentState"/>), so the circuit's first load (<see cref="LoadOnceAsync"/>) reads
/// them instead of asking the API again: one load per page load, and the circuit shows what the prerendered page showed.
/// </remarks>
public abstract class PrerenderedPage : ComponentBase, IDisposable
{
    /// <summary>The key of the prerendered API answers in the persisted component state.</summary>
    private const string PrerenderedKey = "journeyscope-prerendered-api";

    private PersistingComponentStateSubscription? _persisting;
    private PrerenderedResponses? _replaying;
    private string? _keptId;

    // Optional services: component tests render pages without persisted state or a workspace host.
    [Inject]
    internal IServiceProvider PageServices { get; set; } = null!;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        if (PageServices.GetService(typeof(PersistentComponentState)) is not PersistentComponentState state
            || PageServices.GetService(typeof(PrerenderedResponses)) is not PrerenderedResponses responses
            || PageServices.GetService(typeof(PrerenderedResponseStore)) is not PrerenderedResponseStore store)
        {
            return;
        }

        if (state.TryTakeFromJson<string>(PrerenderedKey, out var id) && id is not null)
        {
            _keptId = id;
        }
        else if (!RendererInfo.IsInteractive && !responses.Recording)
        {
            // Prerendering: keep the answers of this page's load on the server; the page carries their id to the circuit.
            responses.Recording = true;
            _persisting = state.RegisterOnPersisting(async () =>
            {
                if (store.Put(await UserNameAsync(), responses.Recorded) is { } kept)
                {
                    state.PersistAsJson(PrerenderedKey, kept);
                }
            });
        }
    }

    /// <summary>
    /// Runs the page's load; in the circuit of a prerendered page, the first time, with the API answers its prerendering got
    /// (each answer once), and every later load asks the API.
    /// </summary>
    protected async Task LoadOnceAsync(Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_keptId is { } id && PageServices.GetService(typeof(PrerenderedResponseStore)) is PrerenderedResponseStore store
            && PageServices.GetService(typeof(PrerenderedResponses)) is PrerenderedResponses responses)
        {
            _keptId = null;
            if (store.Take(id, await UserNameAsync()) is { } kept)
            {
                responses.Replay(kept);
                _replaying = responses;
            }
        }

        await load();

        // The circuit's first load has taken what the prerendering kept; later loads ask the API.
        _replaying?.StopReplay();
        _replaying = null;
    }

    private async Task<string?> UserNameAsync() =>
        PageServices.GetService(typeof(AuthenticationStateProvider)) is AuthenticationStateProvider authentication
            ? (await authentication.GetAuthenticationStateAsync()).User.Identity?.Name
            : null;

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops keeping or replaying the prerendered answers.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _persisting?.Dispose();
            _persisting = null;
            _replaying?.StopReplay();
            _replaying = null;
        }
    }
}
