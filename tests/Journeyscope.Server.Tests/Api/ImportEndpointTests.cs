using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Journeyscope.Server.Tests.Api;

public sealed class ImportEndpointTests(ImportEndpointTests.Server server) : IClassFixture<ImportEndpointTests.Server>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_LenientCsvWithBadRow_ReturnsCountsAndQuarantinePreview()
    {
        // Given an empty workspace and a CSV with one bad row out of twelve
        using var client = server.CreateClient();
        await CreateAsync(client, "lenient");

        // When it is uploaded
        var json = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/lenient/imports", ServerFixture.Upload(ServerFixture.ShopCsv, "orders.csv"), Token));

        // Then imported + quarantined == read, and the bad row is shown with its line and field
        var summary = json.GetProperty("summary");
        summary.GetProperty("recordsRead").GetInt64().ShouldBe(12);
        summary.GetProperty("recordsImported").GetInt64().ShouldBe(11);
        summary.GetProperty("recordsQuarantined").GetInt64().ShouldBe(1);
        summary.GetProperty("eventsAdded").GetInt64().ShouldBe(11);
        summary.GetProperty("format").GetString().ShouldBe("csv");
        var record = json.GetProperty("quarantine")[0];
        record.GetProperty("source").GetString().ShouldBe("orders.csv");
        record.GetProperty("line").GetInt64().ShouldBe(13);
        record.GetProperty("field").GetString().ShouldBe("timestamp");
    }

    [Fact]
    public async Task Import_Twice_SecondAddsNothingNewAndBumpsNoVersion()
    {
        // Given a workspace with the shop CSV imported once
        using var client = server.CreateClient();
        await CreateAsync(client, "twice");
        var first = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/twice/imports", ServerFixture.Upload(ServerFixture.ShopCsv, "a.csv"), Token));

        // When a second, different file is imported
        var second = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/twice/imports",
            ServerFixture.Upload("case_id,activity,timestamp\nz1,Register,2024-05-01T10:00:00Z\n", "b.csv"), Token));

        // Then the version grows and the workspace has both files' events
        second.GetProperty("summary").GetProperty("version").GetInt64().ShouldBeGreaterThan(first.GetProperty("summary").GetProperty("version").GetInt64());
        var info = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/twice", Token));
        info.GetProperty("events").GetInt64().ShouldBe(12);
        info.GetProperty("sources").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Import_StrictCsvWithBadRow_Returns422ProblemWithLineAndFieldAndStoresNothing()
    {
        // Given an empty workspace
        using var client = server.CreateClient();
        await CreateAsync(client, "strict");

        // When the CSV with a bad row is uploaded in strict mode
        using var response = await client.PostAsync("/api/v1/workspaces/strict/imports",
            ServerFixture.Upload(ServerFixture.ShopCsv, "orders.csv", ("mode", "strict")), Token);

        // Then a 422 names file, line and field, and nothing was stored
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldStartWith("orders.csv:13: field 'timestamp'");
        problem.GetProperty("line").GetInt64().ShouldBe(13);
        problem.GetProperty("field").GetString().ShouldBe("timestamp");
        var info = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/strict", Token));
        info.GetProperty("events").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData("empty.csv", "")]
    [InlineData("notes.bin", "\u0001\u0002\u0003 no delimiters here")]
    public async Task Import_WrongFile_Returns422ProblemNamingTheFile(string name, string content)
    {
        // Given a file that is no event log
        using var client = server.CreateClient();
        await CreateAsync(client, "wrong-" + name.Replace('.', '-'));

        // When it is uploaded
        using var response = await client.PostAsync($"/api/v1/workspaces/wrong-{name.Replace('.', '-')}/imports", ServerFixture.Upload(content, name), Token);

        // Then a 422 ProblemDetails names the file and what is wrong
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString()!.ShouldStartWith(name);
        problem.GetProperty("source").GetString().ShouldBe(name);
    }

    [Fact]
    public async Task Import_TruncatedGzip_Returns422Problem()
    {
        // Given a gzip-compressed XES file cut in half
        using var client = server.CreateClient();
        await CreateAsync(client, "truncated");
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            var xes = "<?xml version=\"1.0\"?><log xes.version=\"1.0\">" +
                string.Concat(Enumerable.Range(0, 200).Select(i => $"<trace><string key=\"concept:name\" value=\"c{i}\"/><event><string key=\"concept:name\" value=\"A\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/></event></trace>")) +
                "</log>";
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(xes), Token);
        }

        var bytes = buffer.ToArray()[..(int)(buffer.Length / 2)];

        // When it is uploaded
        using var response = await client.PostAsync("/api/v1/workspaces/truncated/imports", ServerFixture.Upload(bytes, "log.xes.gz"), Token);

        // Then a 422 ProblemDetails names the file
        (await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldStartWith("log.xes.gz");
    }

    [Fact]
    public async Task Import_NoFile_Returns400Problem()
    {
        using var client = server.CreateClient();
        await CreateAsync(client, "nofile");
        using var form = new MultipartFormDataContent { { new StringContent("lenient"), "mode" } };
        using var response = await client.PostAsync("/api/v1/workspaces/nofile/imports", form, Token);
        (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("'file'");
    }

    [Theory]
    [InlineData("mode", "careful")]
    [InlineData("format", "docx")]
    [InlineData("timeZone", "Mars/Olympus")]
    [InlineData("delimiter", ";;")]
    public async Task Import_BadField_Returns400ProblemNamingTheField(string field, string value)
    {
        using var client = server.CreateClient();
        await CreateAsync(client, "badfield");
        using var response = await client.PostAsync("/api/v1/workspaces/badfield/imports", ServerFixture.Upload(ServerFixture.ShopCsv, "a.csv", (field, value)), Token);
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe(field);
    }

    [Fact]
    public async Task Import_OverTheImportLimit_Returns413Problem()
    {
        // Given a server whose import limit is 4 KiB
        using var client = server.CreateClient();
        await CreateAsync(client, "big");
        var big = "case_id,activity,timestamp\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"c{i},Register,2024-05-01T10:00:00Z\n"));

        // When a larger file is uploaded
        using var response = await client.PostAsync("/api/v1/workspaces/big/imports", ServerFixture.Upload(big, "big.csv"), Token);

        // Then a 413 ProblemDetails says how to proceed
        (await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()!.ShouldContain("MaxImportBytes");
    }

    [Fact]
    public async Task CreateWorkspace_BodyOverTheRequestLimit_Returns413Problem()
    {
        // Given a server whose limit for non-import requests is 1 KiB
        using var client = server.CreateClient();

        // When a 2 KiB JSON body is posted
        using var response = await client.PostAsJsonAsync("/api/v1/workspaces", new { name = new string('a', 2048) }, Token);

        // Then it is refused with 413 before the handler runs
        await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Directory.EnumerateDirectories(server.Root).ShouldNotContain(d => Path.GetFileName(d).StartsWith("aaaa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inspect_Csv_ReturnsColumnsMappingAndTimestampPreview()
    {
        // Given a semicolon CSV with day-first timestamps and custom column names
        using var client = server.CreateClient();
        await CreateAsync(client, "inspect");
        const string csv = "order;step;when;who\no1;Placed;25/12/2024 10:00;ann\no1;Paid;25/12/2024 10:05;bob\no2;Placed;not a date;ann\n";

        // When it is inspected with the mapping given
        var json = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/inspect/imports/inspect",
            ServerFixture.Upload(csv, "orders.csv", ("case", "order"), ("activity", "step"), ("timestamp", "when")), Token));

        // Then format, dialect, mapping, rows and the parsed first timestamps are shown, the bad one with its reason
        json.GetProperty("format").GetString().ShouldBe("csv");
        json.GetProperty("delimiter").GetString().ShouldBe(";");
        var mapping = json.GetProperty("suggestedMapping");
        mapping.GetProperty("case").GetString().ShouldBe("order");
        mapping.GetProperty("timestamp").GetString().ShouldBe("when");
        mapping.GetProperty("timestampFormat").GetString()!.ShouldStartWith("dd/MM/yyyy");
        json.GetProperty("columns").GetArrayLength().ShouldBe(4);
        json.GetProperty("rows").GetArrayLength().ShouldBe(3);
        var preview = json.GetProperty("timestampPreview");
        preview[0].GetProperty("text").GetString().ShouldBe("25/12/2024 10:00");
        preview[0].GetProperty("parsed").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2024, 12, 25, 10, 0, 0, TimeSpan.Zero));
        preview[2].GetProperty("parsed").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        preview[2].GetProperty("problem").GetString().ShouldNotBeNullOrWhiteSpace();

        // And nothing was imported
        (await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/inspect", Token))).GetProperty("events").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Inspect_Xes_ReturnsFormatWithoutMapping()
    {
        using var client = server.CreateClient();
        await CreateAsync(client, "inspect-xes");
        const string xes = "<?xml version=\"1.0\"?><log xes.version=\"1.0\"><trace><string key=\"concept:name\" value=\"c1\"/></trace></log>";
        var json = await Problem.JsonAsync(await client.PostAsync("/api/v1/workspaces/inspect-xes/imports/inspect", ServerFixture.Upload(xes, "a.xes"), Token));
        json.GetProperty("format").GetString().ShouldBe("xes");
        json.GetProperty("suggestedMapping").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Inspect_EmptyFile_Returns422Problem()
    {
        using var client = server.CreateClient();
        await CreateAsync(client, "inspect-empty");
        using var response = await client.PostAsync("/api/v1/workspaces/inspect-empty/imports/inspect", ServerFixture.Upload("", "e.csv"), Token);
        await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    private static async Task CreateAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/workspaces", new { name }, Token);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
    }

    public sealed class Server : ServerFixture
    {
        public Server()
        {
            Set("Journeyscope:MaxImportBytes", "4096");
            Set("Journeyscope:MaxRequestBytes", "1024");
        }

        protected override bool Seed => false;
    }
}
