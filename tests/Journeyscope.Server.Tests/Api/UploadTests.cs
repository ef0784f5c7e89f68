using System.Net;
using System.Net.Http.Headers;
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
        // Given an upload whose body pauses half way (the client is still sending)
        using var client = server.CreateClient();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var csv = ServerFixture.ShopCsv;
        var head = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv[..200];
        var tail = csv[200..] + $"\r\n--{Boundary}--\r\n";
        using var content = new PausingContent(Encoding.UTF8.GetBytes(head), Encoding.UTF8.GetBytes(tail), release.Task);
        var sending = client.PostAsync($"/api/v1/workspaces/{ServerFixture.Workspace}/imports", content, Token);

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
        release.SetResult();
        using var response = await sending;
        (await Problem.JsonAsync(response)).GetProperty("summary").GetProperty("recordsRead").GetInt64().ShouldBe(12);
        Directory.EnumerateFileSystemEntries(server.UploadFolder).ShouldBeEmpty();
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

    /// <summary>A multipart body sent in two parts: the second only when <c>release</c> completes.</summary>
    private sealed class PausingContent : HttpContent
    {
        private readonly byte[] _head;
        private readonly byte[] _tail;
        private readonly Task _release;

        public PausingContent(byte[] head, byte[] tail, Task release)
        {
            _head = head;
            _tail = tail;
            _release = release;
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_head);
            await stream.FlushAsync();
            await _release;
            await stream.WriteAsync(_tail);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
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
