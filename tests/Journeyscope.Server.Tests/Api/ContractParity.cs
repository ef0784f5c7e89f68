using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Journeyscope.Results;

namespace Journeyscope.Server.Tests.Api;

/// <summary>
/// The parity check of docs/api.md, "One contract": the API's body and the CLI's <c>--format json</c> are read into the
/// same Core result record and must serialise to the same bytes; each side's wire JSON must also be exactly that
/// record (no field added, dropped or renamed by a surface).
/// </summary>
internal static class ContractParity
{
    /// <summary>Fields that legitimately differ between two workspaces holding the same events (the store's version counter).</summary>
    private static readonly string[] PerWorkspace = ["version"];

    public static async Task<T> SameAsync<T>(HttpResponseMessage response, string cliJson)
        where T : class
    {
        var apiJson = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, apiJson);
        return Same<T>(apiJson, cliJson);
    }

    public static T Same<T>(string apiJson, string cliJson)
        where T : class
    {
        var api = JsonSerializer.Deserialize<T>(apiJson, ResultJson.Options).ShouldNotBeNull();
        var cli = JsonSerializer.Deserialize<T>(cliJson, ResultJson.Options).ShouldNotBeNull();
        var apiRecord = Normalise(JsonSerializer.Serialize(api, ResultJson.Options));
        var cliRecord = Normalise(JsonSerializer.Serialize(cli, ResultJson.Options));
        cliRecord.ShouldBe(apiRecord, $"CLI and API disagree on {typeof(T).Name}");
        Normalise(apiJson).ShouldBe(apiRecord, $"the API's JSON is not exactly a {typeof(T).Name}");
        Normalise(cliJson).ShouldBe(cliRecord, $"the CLI's JSON is not exactly a {typeof(T).Name}");
        return api;
    }

    private static string Normalise(string json)
    {
        var node = JsonNode.Parse(json).ShouldNotBeNull();
        if (node is JsonObject root)
        {
            foreach (var name in PerWorkspace)
            {
                root.Remove(name);
            }
        }

        return node.ToJsonString(ResultJson.Options);
    }
}
