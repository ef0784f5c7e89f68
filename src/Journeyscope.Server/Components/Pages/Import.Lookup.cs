using Journeyscope.Server.Components.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Journeyscope.Server.Components.Pages;

/// <summary>The import wizard's optional step: look the case up in another file (a join through a third file).</summary>
public partial class Import
{
    private IBrowserFile? _lookupFile;
    private string? _lookupUpload;
    private IReadOnlyList<string> _lookupColumns = [];
    private string? _lookupKey, _lookupCase, _lookupOn;
    private readonly HashSet<string> _lookupAttributes = new(StringComparer.Ordinal);

    /// <summary>
    /// The optional "look up the case in another file" step: the lookup file is copied once and inspected for its columns;
    /// its key defaults to the column named like the case column, and its other columns are case attributes.
    /// </summary>
    private Task LookupChosen(InputFileChangeEventArgs e)
    {
        _lookupFile = e.File;
        return RunAsync(async ct =>
        {
            DeleteLookup();
            _lookupUpload = Path.GetTempFileName();
            await using (var source = _lookupFile.OpenReadStream(MaxUploadBytes, ct))
            await using (var copy = File.Create(_lookupUpload))
            {
                await source.CopyToAsync(copy, ct);
            }

            InspectModel inspected;
            await using (var stream = File.OpenRead(_lookupUpload))
            {
                inspected = await Api.InspectAsync(TargetName, stream, _lookupFile.Name, new ImportRequest(Format: "csv"), ct);
            }

            _lookupColumns = inspected.Columns.Select(c => c.Name).ToList();
            _lookupKey = _case is not null && _lookupColumns.Contains(_case, StringComparer.Ordinal) ? _case : _lookupColumns.FirstOrDefault();
            _lookupCase = null;
            // A key named like another column of this file (the orders' customer_id) joins on that column.
            _lookupOn = _lookupKey is not null && _lookupKey != _case && _inspect?.Columns.Any(c => c.Name == _lookupKey) == true ? _lookupKey : null;
            _lookupAttributes.Clear();
            _lookupAttributes.UnionWith(_lookupColumns.Where(c => c != _lookupKey));
        });
    }

    private void LookupRoleChanged(ChangeEventArgs e, bool key)
    {
        var column = e.Value is string { Length: > 0 } chosen ? chosen : null;
        if (key)
        {
            _lookupKey = column;
        }
        else
        {
            _lookupCase = column;
        }

        // The key and the case id are not case attributes.
        _lookupAttributes.RemoveWhere(c => c == _lookupKey || c == _lookupCase);
    }

    private void LookupOnChanged(ChangeEventArgs e) => _lookupOn = e.Value is string { Length: > 0 } chosen ? chosen : null;

    private void RemoveLookup()
    {
        DeleteLookup();
        (_lookupFile, _lookupColumns, _lookupKey, _lookupCase, _lookupOn) = (null, [], null, null, null);
        _lookupAttributes.Clear();
    }

    private void DeleteLookup()
    {
        if (_lookupUpload is not null)
        {
            File.Delete(_lookupUpload);
            _lookupUpload = null;
        }
    }
}
