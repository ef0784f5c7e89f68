using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Journeyscope.TestSupport;
using Microsoft.Data.Sqlite;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// Every hostile request of issue 12, sent in sequence to one server process: each gets a 4xx ProblemDetails with a
/// detail (never a 500, a hang or a dead process), and the server then serves a normal request.
/// </summary>
public sealed class HostileRequestTests
{
    private const string Ws = "target";
    private const int Deep = 10_000;

    private const string Touchpoints = """
        journey: hostile
        name: Hostile
        touchpoints:
          - id: a
            name: A
            stage: awareness
            lane: customer-action
            match: { activity: Register }

        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_EveryHostileRequestInSequence_AnswersEachWithAProblemAndStaysUp()
    {
        // Given one server process (small event budget so that a compression bomb test stays small) with a workspace
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Journeyscope:Imports:MaxEvents"] = "50000" }, Token);
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("api/v1/workspaces", new { name = Ws }, Token)).EnsureSuccessStatusCode();
        var seeded = await client.PostAsync($"api/v1/workspaces/{Ws}/imports", Upload(Encoding.UTF8.GetBytes(
            "case_id,activity,timestamp\nc1,Register,2024-03-01T09:00:00Z\nc1,Check,2024-03-01T10:00:00Z\n"), "seed.csv"), Token);
        seeded.EnsureSuccessStatusCode();
        var answers = new List<string>();

        async Task Expect(string name, Func<Task<HttpResponseMessage>> send, params HttpStatusCode[] expected)
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync(Token);
            answers.Add($"{name}: {(int)response.StatusCode}");
            server.HasExited.ShouldBeFalse($"{name} killed the server:\n{server.Output}");
            expected.ShouldContain(response.StatusCode, $"{name}: {body}");
            if ((int)response.StatusCode >= 400)
            {
                JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace(name);
            }
        }

        // When each hostile request is sent, Then each is answered with what it deserves
        await Expect("journey nested 10,000 deep", () => PutJourney(client, "deep", Touchpoints + "flow: " + HostileYaml.NestedFlow("{sequence: [", "]}", Deep)),
            HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest);
        await Expect("optional nested 10,000 deep", () => PutJourney(client, "optional", Touchpoints + "flow: " + HostileYaml.NestedFlow("{optional: ", "}", Deep)),
            HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest);
        await Expect("conformance of the refused journey", () => client.GetAsync($"api/v1/workspaces/{Ws}/journeys/optional/conformance", Token),
            HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity);
        await Expect("alias bomb", () => PutJourney(client, "bomb", Touchpoints + "flow: " + HostileYaml.AliasBombFlow() + "\n"),
            HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest);
        await Expect("catastrophic regex", () => PutJourney(client, "regex", Touchpoints.Replace("match: { activity: Register }", "match: { activity_regex: \"(a+)+$\" }", StringComparison.Ordinal)),
            HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity);
        await Expect("conformance with the regex", () => client.GetAsync($"api/v1/workspaces/{Ws}/journeys/regex/conformance", Token),
            HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity);
        await Expect("XES with 100,000 nested lists", () => client.PostAsync($"api/v1/workspaces/{Ws}/imports", Upload(NestedListsXes(100_000), "nested.xes"), Token),
            HttpStatusCode.UnprocessableEntity);
        await Expect("OCEL SQLite of recursive views", () => client.PostAsync($"api/v1/workspaces/{Ws}/imports", Upload(RecursiveViewsSqlite(), "views.sqlite"), Token),
            HttpStatusCode.UnprocessableEntity);
        await Expect("Parquet that used to spin forever", () => client.PostAsync($"api/v1/workspaces/{Ws}/imports", Upload(HostileParquet("spins-forever.parquet"), "spins.parquet"), Token),
            HttpStatusCode.UnprocessableEntity);
        foreach (var parquet in new[] { "allocates-2gb.parquet", "page-header-spins.parquet", "page-header-allocates-1.7gb.parquet" })
        {
            await Expect($"Parquet {parquet}", () => client.PostAsync($"api/v1/workspaces/{Ws}/imports", Upload(HostileParquet(parquet), parquet), Token),
                HttpStatusCode.UnprocessableEntity, HttpStatusCode.RequestEntityTooLarge);
        }
        await Expect("OCEL JSON with invalid UTF-8", () => client.PostAsync($"api/v1/workspaces/{Ws}/imports", Upload(InvalidUtf8Ocel(), "bad.jsonocel"), Token),
            HttpStatusCode.UnprocessableEntity);
        await Expect("filter with NaN %", () => client.GetAsync($"api/v1/workspaces/{Ws}/process-map?filter={Uri.EscapeDataString("variants coverage NaN%")}", Token),
            HttpStatusCode.BadRequest);
        foreach (var name in new[] { ".", "..", new string('x', 300) + ".csv" })
        {
            await Expect($"upload named '{name[..Math.Min(name.Length, 12)]}'", () => client.PostAsync($"api/v1/workspaces/{Ws}/imports", Upload("case_id,activity,timestamp\n"u8.ToArray(), name), Token),
                HttpStatusCode.BadRequest);
        }

        await Expect("compression bomb over the event budget", () => client.PostAsync($"api/v1/workspaces/{Ws}/imports", Upload(GzipBomb(60_000), "bomb.xes.gz"), Token),
            HttpStatusCode.RequestEntityTooLarge);
        Directory.CreateDirectory(Path.Combine(server.Root, "broken"));
        await File.WriteAllBytesAsync(Path.Combine(server.Root, "broken", "journeyscope.duckdb"), Enumerable.Range(0, 8192).Select(i => (byte)(i * 37)).ToArray(), Token);
        await Expect("damaged workspace database", () => client.GetAsync("api/v1/workspaces/broken", Token),
            HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
        await Expect("CSV number 1e999", () => client.PostAsync($"api/v1/workspaces/{Ws}/imports", Upload(
            "case_id,activity,timestamp,amount\nc9,Register,2024-03-01T09:00:00Z,1e999\nc9,Check,2024-03-01T10:00:00Z,5\n"u8.ToArray(), "range.csv"), Token),
            HttpStatusCode.OK);

        // Then the same process still serves a normal request, with the seeded events intact
        server.HasExited.ShouldBeFalse(server.Output);
        using var info = await client.GetAsync($"api/v1/workspaces/{Ws}", Token);
        var text = await info.Content.ReadAsStringAsync(Token);
        info.StatusCode.ShouldBe(HttpStatusCode.OK, text + "\n" + string.Join("\n", answers));
        using var map = await client.GetAsync($"api/v1/workspaces/{Ws}/process-map", Token);
        map.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> PutJourney(HttpClient client, string id, string yaml)
    {
        var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/yaml");
        return client.PutAsync($"api/v1/workspaces/{Ws}/journeys/{id}", content, Token);
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static byte[] NestedListsXes(int depth)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><log><trace><string key=\"concept:name\" value=\"c\"/><event>")
            .Append("<string key=\"concept:name\" value=\"A\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/><list key=\"deep\">");
        xml.Insert(xml.Length, "<values><list key=\"l\">", depth).Insert(xml.Length, "</list></values>", depth);
        return Encoding.UTF8.GetBytes(xml.Append("</list></event></trace></log>").ToString());
    }

    private static byte[] GzipBomb(int events)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><log><trace><string key=\"concept:name\" value=\"c\"/>");
        xml.Insert(xml.Length, "<event><string key=\"concept:name\" value=\"A\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/></event>", events);
        xml.Append("</trace></log>");
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(xml.ToString()));
        }

        return buffer.ToArray();
    }

    private static byte[] InvalidUtf8Ocel()
    {
        var prefix = "{\"objectTypes\": [{\"name\": \"order\", \"attributes\": []}], \"eventTypes\": [{\"name\": \"place"u8.ToArray();
        return [.. prefix, 0xC3, 0x28, .. "\", \"attributes\": []}], \"objects\": [], \"events\": []}"u8.ToArray()];
    }

    private static byte[] HostileParquet(string name) =>
        File.ReadAllBytes(Path.Combine(ServerProcess.RepositoryRoot(), "tests", "Journeyscope.IO.Tests", "Parquet", "Hostile", name));

    /// <summary>The OCEL 2.0 SQLite example with its event tables replaced by endless recursive views.</summary>
    private static byte[] RecursiveViewsSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), "journeyscope-views-" + Guid.NewGuid().ToString("N") + ".sqlite");
        File.Copy(SharedData.Path("logs/ocel20_example.sqlite"), path);
        File.SetAttributes(path, FileAttributes.Normal);
        try
        {
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = """
                    PRAGMA foreign_keys = OFF; DROP TABLE event_object; DROP TABLE event;
                    CREATE VIEW event AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'e' || n AS ocel_id, 'x' AS ocel_type FROM r;
                    CREATE VIEW event_object AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'e' || n AS ocel_event_id, 'o' AS ocel_object_id, '' AS ocel_qualifier FROM r;
                    """;
                command.ExecuteNonQuery();
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
