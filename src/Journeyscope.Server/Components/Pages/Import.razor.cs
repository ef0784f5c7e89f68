using System.Globalization;
using Journeyscope.Server.Components.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace Journeyscope.Server.Components.Pages;

/// <summary>
/// The import wizard: the target workspace, the file, then (for CSV) the shape and the mapping proposed by
/// POST .../imports/inspect, which the user can change role by role with the timestamp check re-run on every change.
/// The wizard never dead-ends: every column is listed with sample values, whatever was or was not recognised.
/// </summary>
public partial class Import
{
    private const string NewWorkspace = "+new";
    private const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;

    private List<string> _workspaces = [];
    private string _target = "";
    private string? _newName;
    private int _step = 1;
    private bool _fileInputReady;
    private IBrowserFile? _file;
    /// <summary>The id of the file's upload the server keeps (inspected and imported by id, sent once).</summary>
    private string? _upload;
    private string? _uploadWorkspace;
    private InspectModel? _inspect;
    private ImportModel? _result;
    private string? _importedInto;
    private bool _importedSurvey;
    private string _mode = "lenient";
    private string _layout = "events";
    private string? _case, _activity, _timestamp, _start, _resource, _channel, _timestampFormat, _timeZone, _encoding, _delimiter;
    private string? _survey, _score, _comment, _surveyDate;
    private readonly HashSet<string> _wide = new(StringComparer.Ordinal);
    private readonly HashSet<string> _caseAttributes = new(StringComparer.Ordinal);

    private bool IsCsv => string.Equals(_inspect?.Format, "csv", StringComparison.OrdinalIgnoreCase);

    private string TargetName => _target == NewWorkspace ? (_newName ?? "").Trim() : _target;

    private bool TargetExists => _target != NewWorkspace && _workspaces.Contains(_target, StringComparer.Ordinal);

    /// <summary>The controls still to fill before the import can run, named as the page names them.</summary>
    private List<string> Missing
    {
        get
        {
            var missing = new List<string>();
            if (!IsCsv)
            {
                return missing;
            }

            if (_case is null)
            {
                missing.Add("Case id column");
            }

            switch (_layout)
            {
                case "wide" when _wide.Count == 0:
                    missing.Add("the step timestamp columns (tick them in the Step column)");
                    break;
                case "survey":
                    if (string.IsNullOrWhiteSpace(_survey))
                    {
                        missing.Add("Survey name");
                    }

                    if (_timestamp is null && string.IsNullOrWhiteSpace(_surveyDate))
                    {
                        missing.Add("Timestamp column or Survey date");
                    }

                    break;
                case "events":
                    if (_activity is null)
                    {
                        missing.Add("Activity column (or another shape of the file)");
                    }

                    if (_timestamp is null)
                    {
                        missing.Add("Timestamp column");
                    }

                    break;
            }

            return missing;
        }
    }

    /// <summary>Lists the workspaces; the one in the address is the target when it exists, else the name of a new one.</summary>
    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var list = await Api.GetWorkspacesAsync(cancellationToken);
        _workspaces = list.Workspaces.Select(w => w.Name).ToList();
        if (_target.Length == 0)
        {
            (_target, _newName) = _workspaces.Contains(Ws, StringComparer.Ordinal) ? (Ws, null) : (NewWorkspace, Ws);
        }
    }

    /// <summary>Enables the file input once the browser listens to it.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        // The input registers its change listener with an interop call from its own first after-render, which runs after
        // this page's. Yielding lets it send that call first; the browser runs interop calls in order, so once the
        // round trip below returns, the listener is attached and a chosen file reaches FileChosen.
        await Task.Yield();
        await JS.InvokeAsync<bool>("journeyscope.settled");
        _fileInputReady = true;
        StateHasChanged();
    }

    private void TargetChanged(ChangeEventArgs e) => _target = e.Value as string ?? "";

    private Task CreateWorkspace() => RunAsync(async ct =>
    {
        var name = TargetName;
        try
        {
            await Api.CreateWorkspaceAsync(name, ct);
        }
        catch (ApiException e) when (e.Status == System.Net.HttpStatusCode.Conflict)
        {
            Error = $"A workspace named '{name}' already exists: choose it in the list, or type another name.";
        }

        _workspaces = (await Api.GetWorkspacesAsync(ct)).Workspaces.Select(w => w.Name).ToList();
        if (_workspaces.Contains(name, StringComparer.Ordinal))
        {
            (_target, _newName) = (name, null);
        }
    });

    private Task FileChosen(InputFileChangeEventArgs e)
    {
        _file = e.File;
        return RunAsync(async ct =>
        {
            // The browser sends the file once, into a temp copy (so the circuit's stream is never read while an HTTP request
            // is being sent from it), which goes to the API once: it keeps the upload, and every inspection and the import
            // name it by id instead of sending the file again.
            DeleteUpload();
            var copyPath = Path.GetTempFileName();
            try
            {
                await using (var source = _file.OpenReadStream(MaxUploadBytes, ct))
                await using (var copy = File.Create(copyPath))
                {
                    await source.CopyToAsync(copy, ct);
                }

                await using var stream = File.OpenRead(copyPath);
                _uploadWorkspace = TargetName;
                _upload = (await Api.UploadAsync(_uploadWorkspace, stream, _file.Name, ct)).UploadId;
            }
            finally
            {
                File.Delete(copyPath);
            }

            (_encoding, _delimiter, _timeZone, _timestampFormat) = (null, null, null, null);
            await InspectAsync(propose: true, ct);
            _step = 2;
        });
    }

    /// <summary>Inspects the uploaded copy with the mapping chosen so far; <paramref name="propose"/> takes over the proposed mapping.</summary>
    private async Task InspectAsync(bool propose, CancellationToken cancellationToken)
    {
        if (_upload is null || _file is null)
        {
            return;
        }

        _inspect = await Api.InspectAsync(TargetName, _upload, propose ? Dialect() : Request(), cancellationToken);

        if (propose)
        {
            Propose(_inspect);
        }
    }

    private void Propose(InspectModel inspect)
    {
        var m = inspect.SuggestedMapping;
        _layout = inspect.Layout ?? "events";
        (_case, _activity, _timestamp, _start, _resource, _channel) = (m?.Case, m?.Activity, m?.Timestamp, m?.StartTimestamp, m?.Resource, m?.Channel);
        (_survey, _score, _comment) = (m?.Survey, m?.Score, m?.Comment);
        _surveyDate = _file is null ? null : _file.LastModified.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _wide.Clear();
        _wide.UnionWith(m?.WideTimestamps ?? []);
        _caseAttributes.Clear();
    }

    /// <summary>Only the dialect the user typed (a fresh proposal for everything else).</summary>
    private ImportRequest Dialect() => new(Encoding: _encoding, Delimiter: _delimiter, TimeZone: _timeZone);

    /// <summary>The API form fields for the mapping on screen; roles of other shapes are not sent.</summary>
    private ImportRequest Request(string? mode = null)
    {
        var events = _layout == "events";
        var survey = _layout == "survey";
        var mapping = new CsvMappingModel(
            _case, events ? _activity : null, events || survey ? _timestamp : null, events ? _start : null, _resource, _channel, null, null,
            _timestampFormat, _layout == "wide" ? _inspect?.Columns.Select(c => c.Name).Where(_wide.Contains).ToList() : null,
            survey ? _survey : null, survey ? _score : null, survey ? _comment : null);
        return new ImportRequest(
            mode, _inspect?.Format, IsCsv ? mapping : null, _timeZone, _encoding, _delimiter,
            _caseAttributes.Count > 0 ? _caseAttributes.ToList() : null, survey && _timestamp is null ? _surveyDate : null);
    }

    private Task RoleChanged(Action<string?> set, ChangeEventArgs e, bool recheck)
    {
        set(e.Value is string { Length: > 0 } column ? column : null);
        return recheck ? Recheck() : Task.CompletedTask;
    }

    private Task LayoutChanged(ChangeEventArgs e)
    {
        _layout = e.Value as string ?? "events";
        if (_layout == "wide" && _wide.Count == 0)
        {
            _wide.UnionWith(_inspect?.Proposals?.Where(p => p.Role == "wide_timestamp").Select(p => p.Column) ?? []);
        }

        if (_layout == "survey")
        {
            _score ??= _inspect?.Proposals?.FirstOrDefault(p => p.Role == "score")?.Column;
            _comment ??= _inspect?.Proposals?.FirstOrDefault(p => p.Role == "comment")?.Column;
        }

        return Recheck();
    }

    private Task Toggle(HashSet<string> set, string column, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            set.Add(column);
        }
        else
        {
            set.Remove(column);
        }

        return set == _wide ? Recheck() : Task.CompletedTask;
    }

    /// <summary>Re-runs the inspection (and so the timestamp check) with the mapping on screen.</summary>
    private Task Recheck() => _inspect is null ? Task.CompletedTask : RunAsync(ct => InspectAsync(propose: false, ct));

    /// <summary>A new encoding or delimiter changes the columns themselves: inspect again and propose again.</summary>
    private Task DialectChanged() => _inspect is null ? Task.CompletedTask : RunAsync(ct => InspectAsync(propose: true, ct));

    private string RoleOf(string column)
    {
        var roles = new List<string>();
        void Add(string? mapped, string role)
        {
            if (string.Equals(mapped, column, StringComparison.Ordinal))
            {
                roles.Add(role);
            }
        }

        Add(_case, "case");
        if (_layout == "events")
        {
            Add(_activity, "activity");
            Add(_start, "start");
        }

        if (_layout != "wide")
        {
            Add(_timestamp, "timestamp");
        }

        if (_layout == "survey")
        {
            Add(_score, "score");
            Add(_comment, "comment");
        }

        Add(_resource, "resource");
        Add(_channel, "channel");
        if (_layout == "wide" && _wide.Contains(column))
        {
            roles.Add("step");
        }

        if (_caseAttributes.Contains(column))
        {
            roles.Add("case attribute");
        }

        return roles.Count == 0 ? "attribute" : string.Join(", ", roles);
    }

    /// <summary>How sure the proposal for <paramref name="role"/> was, when the column on screen is the proposed one.</summary>
    private string Confidence(string role, string? column)
    {
        if (column is null)
        {
            return _inspect?.Proposals?.FirstOrDefault(p => p.Role == role) is { } best ? $"proposed: {best.Column} ({Format.Percent(best.Confidence)})" : "";
        }

        var proposal = _inspect?.Proposals?.FirstOrDefault(p => p.Role == role && p.Column == column);
        return proposal is null ? "your choice" : $"{Format.Percent(proposal.Confidence)} sure: {proposal.Reason}";
    }

    private Task ImportFile() => RunAsync(async ct =>
    {
        if (_file is null || _inspect is null || _upload is null)
        {
            return;
        }

        var target = TargetName;
        if (IsCsv && _lookupUpload is not null && _lookupFile is not null)
        {
            // The lookup's columns as the user chose them; none ticked sends none, which the API reads as every other column.
            await using var lookup = File.OpenRead(_lookupUpload);
            var request = Request(_mode) with
            {
                LookupOn = _lookupOn == _case ? null : _lookupOn,
                LookupKey = _lookupKey,
                LookupCase = _lookupCase,
                LookupAttributes = _lookupColumns.Where(_lookupAttributes.Contains).ToList(),
            };
            _result = await Api.ImportAsync(target, _upload, request, (lookup, _lookupFile.Name), ct);
        }
        else
        {
            _result = await Api.ImportAsync(target, _upload, Request(_mode), null, ct);
        }

        (_importedInto, _importedSurvey) = (target, IsCsv && _layout == "survey");
        _step = 3;
    });

    private void Restart()
    {
        (_step, _file, _inspect, _result, Error) = (1, null, null, null, null);
        DeleteUpload();
        RemoveLookup();
    }

    /// <summary>Asks the server to delete the kept upload (it sweeps what is left at its next start anyway).</summary>
    private void DeleteUpload()
    {
        if (_upload is not null && _uploadWorkspace is not null)
        {
            _ = ForgetAsync(_uploadWorkspace, _upload);
        }

        _upload = null;
    }

    private async Task ForgetAsync(string workspace, string uploadId)
    {
        try
        {
            await Api.DeleteUploadAsync(workspace, uploadId, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException)
        {
            // The server is gone or the circuit closed: the start-up sweep removes the upload.
        }
    }

    /// <summary>Deletes the server-side copy of the upload.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DeleteUpload();
            DeleteLookup();
        }

        base.Dispose(disposing);
    }
}
