using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Journeyscope.Cases;
using Journeyscope.Conformance;
using Journeyscope.Discovery;
using Journeyscope.IO.Journeys;
using Journeyscope.Performance;
using Journeyscope.Results;
using Journeyscope.Server.Components.Api;
using Journeyscope.Storage;

namespace Journeyscope.Server.Components;

/// <summary>
/// The UI's typed client of the public REST API (<c>/api/v1</c>). The pages read data only through it, so the UI
/// never sees more than a script calling the API would.
/// </summary>
/// <param name="http">The client of the server's own API.</param>
/// <param name="prerendered">
/// The answers kept while a page was prerendered, which its circuit takes instead of asking again; none in component tests.
/// </param>
internal sealed partial class ApiClient(HttpClient http, PrerenderedResponses? prerendered = null)
{
    private static JsonSerializerOptions Json => ResultJson.Options;

    public Task<WorkspaceListModel> GetWorkspacesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<WorkspaceListModel>("api/v1/workspaces", cancellationToken);

    public Task<WorkspaceDetails> GetWorkspaceAsync(string workspace, CancellationToken cancellationToken = default) =>
        GetAsync<WorkspaceDetails>(Ws(workspace), cancellationToken);

    public Task<LogSummary> GetSummaryAsync(string workspace, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<LogSummary>(Ws(workspace) + "/summary" + Query(filters), cancellationToken);

    /// <summary>The process map at the sliders; a null slider takes the readable default (<c>sliders=readable</c>).</summary>
    public Task<ProcessMapResult> GetProcessMapAsync(
        string workspace, double? activities, double? paths, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<ProcessMapResult>(
            Ws(workspace) + "/process-map" + Query(
                filters, ("activities", Share(activities)), ("paths", Share(paths)), ("sliders", activities is null || paths is null ? "readable" : null)),
            cancellationToken);

    public Task<VariantsResult> GetVariantsAsync(string workspace, int top, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<VariantsResult>(Ws(workspace) + "/variants" + Query(filters, ("top", top.ToString(CultureInfo.InvariantCulture))), cancellationToken);

    /// <summary>The value stream; its steps follow <paramref name="journey"/>'s designed order when given, else the dominant variant's.</summary>
    public Task<PerformanceResult> GetPerformanceAsync(
        string workspace, string? journey = null, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<PerformanceResult>(Ws(workspace) + "/performance" + Query(filters, ("journey", journey)), cancellationToken);

    public Task<BottlenecksResult> GetBottlenecksAsync(string workspace, IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default) =>
        GetAsync<BottlenecksResult>(Ws(workspace) + "/bottlenecks" + Query(filters), cancellationToken);

    /// <summary>
    /// Cases through an activity, a directly-follows edge (from and to) or a variant rank; with the map's sliders, the node
    /// or edge as the map at those sliders draws it.
    /// </summary>
    public Task<CasesPage> GetCasesAsync(
        string workspace, string? activity = null, string? from = null, string? to = null, int? variant = null, int page = 1, int pageSize = 50,
        IReadOnlyList<string>? filters = null, double? activities = null, double? paths = null, CancellationToken cancellationToken = default) =>
        GetAsync<CasesPage>(
            Ws(workspace) + "/cases" + Query(
                filters, ("activity", activity), ("from", from), ("to", to),
                ("variant", variant?.ToString(CultureInfo.InvariantCulture)),
                ("activities", Share(activities)), ("paths", Share(paths)),
                ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture))),
            cancellationToken);

    public Task<CaseDetails> GetCaseAsync(string workspace, string caseId, CancellationToken cancellationToken = default) =>
        GetAsync<CaseDetails>(Ws(workspace) + "/cases/" + Uri.EscapeDataString(caseId), cancellationToken);

    /// <summary>The journeys of a workspace, or an empty list when the server has no journeys endpoint yet.</summary>
    public async Task<JourneyListModel> GetJourneysAsync(string workspace, CancellationToken cancellationToken = default) =>
        await GetOrNullAsync<JourneyListModel>(Ws(workspace) + "/journeys", cancellationToken).ConfigureAwait(false) ?? new JourneyListModel([]);

    /// <summary>A designed journey, or null when it does not exist.</summary>
    public Task<JourneyModel?> GetJourneyAsync(string workspace, string journey, CancellationToken cancellationToken = default) =>
        GetOrNullAsync<JourneyModel>(Ws(workspace) + "/journeys/" + Uri.EscapeDataString(journey) + "/model", cancellationToken);

    /// <summary>How the cases conform to a journey's designed flow (alignments).</summary>
    public Task<JourneyConformanceResult> GetConformanceAsync(string workspace, string journey, CancellationToken cancellationToken = default) =>
        GetAsync<JourneyConformanceResult>(Ws(workspace) + "/journeys/" + Uri.EscapeDataString(journey) + "/conformance?top=50", cancellationToken);

    /// <summary>Drafts a journey from the workspace's events and saves it under the first free id (draft, draft-2, ...).</summary>
    public async Task<Server.Api.Dtos.JourneyValidation> DraftJourneyAsync(string workspace, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(new Uri(Ws(workspace) + "/journeys/draft", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<Server.Api.Dtos.JourneyValidation>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a touchpoint in place; <paramref name="version"/> (the model's) makes a concurrent change a 412 instead of a lost update.</summary>
    public async Task<Server.Api.Dtos.JourneyValidation> EditTouchpointAsync(
        string workspace, string journey, string touchpoint, TouchpointEdit edit, string? version, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(
            Ws(workspace) + "/journeys/" + Uri.EscapeDataString(journey) + "/touchpoints/" + Uri.EscapeDataString(touchpoint), UriKind.Relative))
        {
            Content = JsonContent.Create(edit, options: Json),
        };
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", version);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<Server.Api.Dtos.JourneyValidation>(response, cancellationToken).ConfigureAwait(false);
    }

    public Task<InspectModel> InspectAsync(string workspace, Stream file, string fileName, ImportRequest request, CancellationToken cancellationToken = default) =>
        PostFileAsync<InspectModel>(Ws(workspace) + "/imports/inspect", file, fileName, request, cancellationToken);

    /// <summary>Sends the file once; the server keeps it, and <see cref="InspectAsync(string, string, ImportRequest, CancellationToken)"/> and the import read it by id.</summary>
    public Task<UploadModel> UploadAsync(string workspace, Stream file, string fileName, CancellationToken cancellationToken = default) =>
        PostFileAsync<UploadModel>(Ws(workspace) + "/imports/uploads", file, fileName, new ImportRequest(), cancellationToken);

    /// <summary>Inspects the kept upload <paramref name="uploadId"/> with the mapping in <paramref name="request"/>.</summary>
    public Task<InspectModel> InspectAsync(string workspace, string uploadId, ImportRequest request, CancellationToken cancellationToken = default) =>
        PostFileAsync<InspectModel>(Ws(workspace) + "/imports/inspect", null, null, request with { UploadId = uploadId }, cancellationToken);

    /// <summary>Imports the kept upload <paramref name="uploadId"/>, with a lookup file when given.</summary>
    public Task<ImportModel> ImportAsync(
        string workspace, string uploadId, ImportRequest request, (Stream File, string Name)? lookup, CancellationToken cancellationToken = default) =>
        PostFileAsync<ImportModel>(Ws(workspace) + "/imports", null, null, request with { UploadId = uploadId }, cancellationToken, lookup);

    /// <summary>Deletes a kept upload; false when the server no longer has it.</summary>
    public async Task<bool> DeleteUploadAsync(string workspace, string uploadId, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync(new Uri(Ws(workspace) + "/imports/uploads/" + Uri.EscapeDataString(uploadId), UriKind.Relative), cancellationToken)
            .ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    public Task<ImportModel> ImportAsync(string workspace, Stream file, string fileName, ImportRequest request, CancellationToken cancellationToken = default) =>
        PostFileAsync<ImportModel>(Ws(workspace) + "/imports", file, fileName, request, cancellationToken);


    private static string Ws(string workspace) => "api/v1/workspaces/" + Uri.EscapeDataString(workspace);

    private static string? Share(double? share) => share is { } s ? Math.Clamp(s, 0, 1).ToString("0.###", CultureInfo.InvariantCulture) : null;

    private static string Query(IReadOnlyList<string>? filters, params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                Append(query, name, value);
            }
        }

        foreach (var filter in filters ?? [])
        {
            if (!string.IsNullOrWhiteSpace(filter))
            {
                Append(query, "filter", filter.Trim());
            }
        }

        return query.ToString();

        static void Append(StringBuilder query, string name, string value) =>
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        if (prerendered is not null && prerendered.TryTake(path, out var kept))
        {
            return JsonSerializer.Deserialize<T>(kept, Json) ?? throw new ApiException(HttpStatusCode.OK, "Empty response", "The API returned no content.");
        }

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await ReadKeptAsync<T>(path, response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T?> GetOrNullAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        if (prerendered is not null && prerendered.TryTake(path, out var kept))
        {
            return JsonSerializer.Deserialize<T>(kept, Json);
        }

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            prerendered?.Record(path, "null");
            return null;
        }

        return await ReadKeptAsync<T>(path, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a GET's answer; while a page is prerendered, keeps its text for the circuit.</summary>
    private async Task<T> ReadKeptAsync<T>(string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (prerendered is not { Recording: true } || !response.IsSuccessStatusCode)
        {
            return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var value = JsonSerializer.Deserialize<T>(text, Json) ?? throw new ApiException(response.StatusCode, "Empty response", "The API returned no content.");
        prerendered.Record(path, text);
        return value;
    }

    private async Task<T> PostFileAsync<T>(
        string path, Stream? file, string? fileName, ImportRequest request, CancellationToken cancellationToken, (Stream File, string Name)? lookup = null)
    {
        using var content = new MultipartFormDataContent();
        using var stream = file is null ? null : new StreamContent(file);
        if (stream is not null)
        {
            content.Add(stream, "file", fileName!);
        }

        using var lookupStream = lookup is { } l ? new StreamContent(l.File) : null;
        if (lookupStream is not null)
        {
            content.Add(lookupStream, "lookup", lookup!.Value.Name);
        }

        var m = request.Mapping;
        foreach (var (name, value) in new (string, string?)[]
        {
            ("mode", request.Mode), ("format", request.Format), ("case", m?.Case), ("activity", m?.Activity), ("timestamp", m?.Timestamp),
            ("startTimestamp", m?.StartTimestamp), ("resource", m?.Resource), ("channel", m?.Channel), ("lifecycle", m?.Lifecycle),
            ("eventId", m?.EventId), ("timestampFormat", m?.TimestampFormat),
            ("wideTimestamps", m?.WideTimestamps is { Count: > 0 } wide ? string.Join(',', wide) : null), ("survey", m?.Survey), ("score", m?.Score),
            ("comment", m?.Comment), ("surveyDate", request.SurveyDate), ("timeZone", request.TimeZone), ("encoding", request.Encoding),
            ("delimiter", request.Delimiter), ("caseAttributes", request.CaseAttributes is { Count: > 0 } attributes ? string.Join(',', attributes) : null),
            ("lookupOn", request.LookupOn), ("lookupKey", request.LookupKey), ("lookupCase", request.LookupCase), ("uploadId", request.UploadId),
            ("lookupAttributes", request.LookupAttributes is { Count: > 0 } lookupAttributes ? string.Join(',', lookupAttributes) : null),
        })
        {
            if (!string.IsNullOrEmpty(value))
            {
#pragma warning disable CA2000 // the multipart content owns and disposes its parts
                content.Add(new StringContent(value), name);
#pragma warning restore CA2000
            }
        }

        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false);
        return value ?? throw new ApiException(response.StatusCode, "Empty response", "The API returned no content.");
    }

    private static async Task<ApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var title = response.ReasonPhrase ?? "Request failed";
        string? detail = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
            {
                title = t.GetString()!;
            }

            if (doc.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String)
            {
                detail = d.GetString();
            }
        }
        catch (JsonException)
        {
            // Not a ProblemDetails body: the status line is all we have.
        }

        return new ApiException(response.StatusCode, title, detail);
    }
}
