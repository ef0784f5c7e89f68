using System.Net;
using System.Text;

namespace Journeyscope.Server.Tests.Api;

/// <summary>Uploads: one owner-only temporary file in the server's upload folder, deleted after the import; plain names only.</summary>
public sealed class UploadTests(UploadTests.Server server) : IClassFixture<UploadTests.Server>
{
    private const string Boundary = "journeyscope-test-boundary";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_WhileStreaming_WritesOneOwnerOnlyFileThatIsGoneAfterwards()
    {
        // Given a server on a real socket and an upload whose body pauses half way (the client is still sending);
        // a raw socket, because HttpClient and the in-memory test server both hold the body back until it is complete
        await using var factory = server.Factory.WithWebHostBuilder(_ => { });
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = ServerFixture.Authorize(factory.CreateClient(), server.OwnerKey);
        using (var created = await client.PostAsync("/api/v1/workspaces", System.Net.Http.Json.JsonContent.Create(new { name = "streamed" }), Token))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        }

        var csv = "case_id,activity,timestamp\n" + string.Concat(Enumerable.Range(0, 6000).Select(i => $"c{i},Register,2024-05-01T10:00:00Z\n"));
        var half = csv.Length / 2;
        var head = Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv[..half]);
        var tail = Encoding.UTF8.GetBytes(csv[half..] + $"\r\n--{Boundary}--\r\n");
        var address = client.BaseAddress!;
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, Token);
        var stream = socket.GetStream();
        var headers = $"POST /api/v1/workspaces/streamed/imports HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {server.OwnerKey}\r\nContent-Type: multipart/form-data; boundary={Boundary}\r\n" +
            $"Content-Length: {head.Length + tail.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers), Token);
        await stream.WriteAsync(head, Token);
        await stream.FlushAsync(Token);

        // When the server has started to receive it
        var files = await WaitForFilesAsync(server.UploadFolder);

        // Then exactly one temporary copy exists, readable and writable by the server's user only
        files.Length.ShouldBe(1);
        Path.GetFileName(files[0]).ShouldBe("orders.csv");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(files[0]).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(Path.GetDirectoryName(files[0])!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // And once the body is complete the import succeeds and the copy is deleted
        await stream.WriteAsync(tail, Token);
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync(Token);
        response.ShouldStartWith("HTTP/1.1 200");
        response.ShouldContain("\"recordsRead\":6000");
        Directory.EnumerateFileSystemEntries(server.UploadFolder).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_ClientDisconnectsMidUpload_TemporaryFileIsDeleted()
    {
        // Given a server on a real socket receiving half an upload
        await using var factory = server.Factory.WithWebHostBuilder(_ => { });
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = ServerFixture.Authorize(factory.CreateClient(), server.OwnerKey);
        (await client.PostAsync("/api/v1/workspaces", System.Net.Http.Json.JsonContent.Create(new { name = "dropped" }), Token)).Dispose();
        var head = Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dropped.csv\"\r\n\r\n" +
            "case_id,activity,timestamp\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"c{i},Register,2024-05-01T10:00:00Z\n")));
        var address = client.BaseAddress!;
        using (var socket = new System.Net.Sockets.TcpClient())
        {
            await socket.ConnectAsync(address.Host, address.Port, Token);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /api/v1/workspaces/dropped/imports HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {server.OwnerKey}\r\nContent-Type: multipart/form-data; boundary={Boundary}\r\n" +
                $"Content-Length: {head.Length * 2}\r\n\r\n"), Token);
            await stream.WriteAsync(head, Token);
            await stream.FlushAsync(Token);
            (await WaitForFilesAsync(server.UploadFolder)).Length.ShouldBe(1);

            // When the client goes away before the body is complete
        }

        // Then the server gives up the upload and deletes its temporary file
        for (var i = 0; i < 100 && Directory.EnumerateFileSystemEntries(server.UploadFolder).Any(); i++)
        {
            await Task.Delay(50, Token);
        }

        Directory.EnumerateFileSystemEntries(server.UploadFolder).ShouldBeEmpty();
        var info = await Problem.JsonAsync(await client.GetAsync("/api/v1/workspaces/dropped", Token));
        info.GetProperty("events").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Import_FailingFile_LeavesNoTemporaryFile()
    {
        // Given a file the importer rejects
        using var client = server.CreateClient();

        // When it is uploaded in strict mode
        using var response = await client.PostAsync($"/api/v1/workspaces/{ServerFixture.Workspace}/imports",
            ServerFixture.Upload(ServerFixture.ShopCsv, "strict.csv", ("mode", "strict")), Token);

        // Then the 422 is answered and no temporary file is left
        await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        Directory.EnumerateFileSystemEntries(server.UploadFolder).ShouldBeEmpty();
    }

    [Fact]
    public void Start_UploadsLeftByAKilledServer_AreSwept()
    {
        // Given an upload folder holding the file of a server killed during an import (see Server's constructor)
        // When the server started
        // Then the stale upload is gone
        File.Exists(server.StaleUpload).ShouldBeFalse();
        Directory.Exists(server.UploadFolder).ShouldBeTrue();
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../orders.csv")]
    [InlineData("logs/orders.csv")]
    [InlineData("..\\orders.csv")]
    [InlineData("tab\there.csv")]
    public async Task Import_FileNameNotAPlainName_Returns400ProblemOnFileField(string name)
    {
        // Given an upload whose file name is a path or a special name
        using var client = server.CreateClient();

        // When it is sent
        using var response = await client.PostAsync($"/api/v1/workspaces/{ServerFixture.Workspace}/imports",
            ServerFixture.Upload(ServerFixture.ShopCsv, name), Token);

        // Then it is refused with a 400 naming the field, and nothing is left on disk
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("file");
        Directory.EnumerateFileSystemEntries(server.UploadFolder).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_FileNameOver255Bytes_Returns400ProblemSayingTheLimit()
    {
        // Given a file name of 256 UTF-8 bytes (128 two-byte letters)
        using var client = server.CreateClient();
        var name = new string('é', 126) + ".csv";

        // When it is uploaded
        using var response = await client.PostAsync($"/api/v1/workspaces/{ServerFixture.Workspace}/imports/inspect",
            ServerFixture.Upload(ServerFixture.ShopCsv, name), Token);

        // Then a 400 says how long it is and what the limit is
        var detail = (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        detail.ShouldContain("256 bytes");
        detail.ShouldContain("255");
    }

    private static async Task<string[]> WaitForFilesAsync(string folder)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Directory.Exists(folder) && Directory.GetFiles(folder, "*", SearchOption.AllDirectories) is { Length: > 0 } files)
            {
                return files;
            }

            await Task.Delay(50, Token);
        }

        return [];
    }

    public sealed class Server : ServerFixture
    {
        public Server()
        {
            UploadFolder = Path.Combine(Root, ".uploads");
            StaleUpload = Path.Combine(UploadFolder, "0123456789abcdef", "orders.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(StaleUpload)!);
            File.WriteAllText(StaleUpload, ShopCsv);
            Set("Journeyscope:UploadFolder", UploadFolder);
        }

        public string UploadFolder { get; }

        public string StaleUpload { get; }
    }
}
