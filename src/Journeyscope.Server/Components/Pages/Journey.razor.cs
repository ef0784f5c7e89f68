using Journeyscope.Canvas;
using Journeyscope.Conformance;
using Journeyscope.IO.Journeys;
using Journeyscope.Server.Components.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Journeyscope.Server.Components.Pages;

/// <summary>
/// The journey page: the service blueprint coloured by conformance or by capability readiness, each stage's lifecycle
/// canvas on demand, the touchpoint panel with in-place editing (saved to the YAML through PATCH …/touchpoints/{id} with
/// the model's version), and a draft from the workspace's events.
/// </summary>
public partial class Journey
{
    /// <summary>The blueprint lanes as the YAML writes them, with their titles.</summary>
    private static readonly (string Id, string Title)[] Lanes =
    [
        ("customer-action", "Customer actions"), ("frontstage", "Frontstage"), ("backstage", "Backstage"),
        ("support", "Support processes"), ("physical-evidence", "Physical evidence"),
    ];

    private IReadOnlyList<JourneyListItemModel>? _journeys;
    private JourneyModel? _journey;
    private TouchpointModel? _touchpoint;
    private JourneyConformanceResult? _conformance;
    private string? _conformanceNote;
    private object? _options;
    private Dictionary<string, object>? _conformanceStatus;
    private CanvasResult? _canvas;
    private bool _readiness;
    private string? _expandedStage;
    private DotNetObjectReference<Journey>? _self;
    private TouchpointForm? _edit;
    private (bool Ok, string Text)? _editMessage;
    private bool _saving;
    private bool _drafting;
    private bool _interactive;

    /// <summary>The journey id from the route; the first journey when omitted.</summary>
    [Parameter] public string? JourneyId { get; set; }

    /// <summary>New events from the collector recolour the blueprint by conformance (about once a second).</summary>
    protected override bool RefreshOnNewEvents => true;

    /// <inheritdoc />
    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        _self ??= DotNetObjectReference.Create(this);
        _options = new { dotNet = _self };
        _journeys = (await Api.GetJourneysAsync(Ws, cancellationToken)).Journeys;
        var id = JourneyId ?? _journeys.FirstOrDefault()?.Id;
        _journey = id is null ? null : await Api.GetJourneyAsync(Ws, id, cancellationToken);
        var selected = _touchpoint?.Id;
        _touchpoint = selected is null ? null : _journey?.Touchpoints.FirstOrDefault(t => t.Id == selected);
        _conformance = null;
        _conformanceNote = null;
        _conformanceStatus = null;
        _canvas = null;
        if (_journey is { Flow: not null })
        {
            try
            {
                _conformance = await Api.GetConformanceAsync(Ws, _journey.Id, cancellationToken);
                _conformanceStatus = _conformance.Touchpoints.ToDictionary(
                    t => t.Id,
                    t => (object)new { status = t.Status.ToString().ToLowerInvariant(), label = Format.Percent(t.DeviationRate) + " deviating" },
                    StringComparer.Ordinal);
                _options = new { dotNet = _self, status = _conformanceStatus };
            }
            catch (ApiException e)
            {
                _conformanceNote = "Conformance could not be computed: " + UserMessage.Of(e);
            }
        }
        else if (_journey is not null)
        {
            _conformanceNote = "This journey has no designed flow yet, so cases cannot be checked against it.";
        }

        await CanvasIfShownAsync(cancellationToken);
    }

    /// <summary>The "Capability readiness" toggle: colours the cards by the canvas's capability map, or back by conformance.</summary>
    private Task ToggleReadinessAsync(ChangeEventArgs e) => RunAsync(async cancellationToken =>
    {
        _readiness = e.Value is true;
        await CanvasIfShownAsync(cancellationToken);
    });

    /// <summary>Expands a stage's canvas under the blueprint (a second press folds it).</summary>
    private Task ToggleStageAsync(string stage) => RunAsync(async cancellationToken =>
    {
        _expandedStage = _expandedStage == stage ? null : stage;
        await CanvasIfShownAsync(cancellationToken);
    });

    /// <summary>
    /// Loads the journey's canvas (<c>GET …/canvas</c>, the Canvas page's record) once it is needed, and sets the blueprint's
    /// colouring: readiness when the toggle is on, else conformance.
    /// </summary>
    private async Task CanvasIfShownAsync(CancellationToken cancellationToken)
    {
        if (_journey is not null && _canvas is null && (_readiness || _expandedStage is not null))
        {
            _canvas = await Api.GetCanvasAsync(Ws, _journey.Id, JourneyCanvas.DefaultTop, cancellationToken);
        }

        var status = _readiness && _canvas is not null ? CapabilityReadiness.CardStatus(_canvas.Capabilities) : _conformanceStatus;
        _options = new { dotNet = _self, status };
    }

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        // After the first interactive render the buttons work (a prerendered page's do not): say so to scripts and tests.
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>Called by the blueprint script when a touchpoint card is clicked.</summary>
    [JSInvokable]
    public Task OnTouchpointSelected(string id)
    {
        var next = _journey?.Touchpoints.FirstOrDefault(t => t.Id == id);
        if (next?.Id != _touchpoint?.Id)
        {
            (_edit, _editMessage) = (null, null);
        }

        _touchpoint = next;
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _self?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The cases that deviate at a touchpoint: skipped, unexpected and out of order exclude each other.</summary>
    private static int Deviating(TouchpointConformance t) => t.Skipped + t.Inserted + t.OutOfOrder;

    private static double Share(int part, int all) => all == 0 ? 0 : (double)part / all;

    private static string LaneTitle(string lane) =>
        Array.Find(Lanes, l => string.Equals(l.Id, lane, StringComparison.OrdinalIgnoreCase)).Title ?? lane;

    private void StartEdit()
    {
        if (_touchpoint is { } t)
        {
            _edit = new TouchpointForm { Name = t.Name, Stage = t.Stage, Lane = t.Lane, Channel = t.Channel ?? string.Empty };
            _editMessage = null;
        }
    }

    private async Task SaveAsync()
    {
        if (_journey is null || _touchpoint is null || _edit is null)
        {
            return;
        }

        _saving = true;
        try
        {
            var t = _touchpoint;
            var change = new TouchpointEdit(
                _edit.Name == t.Name ? null : _edit.Name,
                _edit.Stage == t.Stage ? null : _edit.Stage,
                _edit.Lane == t.Lane ? null : _edit.Lane,
                _edit.Channel == (t.Channel ?? string.Empty) ? null : _edit.Channel);
            await Api.EditTouchpointAsync(Ws, _journey.Id, t.Id, change, _journey.Version);
            _edit = null;
            await RunAsync(LoadAsync);
            _editMessage = (true, "Saved to journeys/" + _journey?.Id + ".yaml; conformance is checked again with the change.");
        }
        catch (ApiException e)
        {
            _editMessage = (false, e.Status == System.Net.HttpStatusCode.PreconditionFailed
                ? "Someone changed this journey since you opened it, so nothing was saved. Reload the page and make your change again."
                : UserMessage.Of(e));
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DraftAsync()
    {
        _drafting = true;
        try
        {
            var draft = await Api.DraftJourneyAsync(Ws);
            Navigation.NavigateTo($"w/{Uri.EscapeDataString(Ws)}/journeys/{Uri.EscapeDataString(draft.Id)}");
        }
        catch (ApiException e)
        {
            Error = "The journey could not be drafted: " + UserMessage.Of(e);
        }
        finally
        {
            _drafting = false;
        }
    }

    /// <summary>The values of the touchpoint being edited.</summary>
    private sealed class TouchpointForm
    {
        public string Name { get; set; } = string.Empty;

        public string Stage { get; set; } = string.Empty;

        public string Lane { get; set; } = string.Empty;

        public string Channel { get; set; } = string.Empty;
    }
}
