using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Journeyscope.EndToEnd.Tests;

/// <summary>
/// The built server started as its own process (<c>dotnet Journeyscope.Server.dll</c>) at a free 127.0.0.1 port over
/// a temporary workspaces root: what kills this process (a stack overflow, memory exhaustion) cannot be caught by it,
/// so only a separate process shows that the server stays up.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private CookieContainer _cookies = new();
    private bool _keepRoot;

    private ServerProcess(Process process, string root, Uri address, IReadOnlyDictionary<string, string> settings)
    {
        _process = process;
        Root = root;
        Address = address;
        _settings = settings;
    }

    public string Root { get; }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server; with <paramref name="signIn"/>, opens the one-time link it printed so that clients are signed in as the owner.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken, bool signIn = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "journeyscope-proc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var server = await StartAsync(settings, root, FreePort(), cancellationToken);
        if (signIn)
        {
            await server.SignInAsync(cancellationToken);
        }
        else
        {
            await server.WaitForLinkAsync(cancellationToken);
        }

        return server;
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown, no flush, no finally) and waits until it is gone.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// Starts a new server process over the same workspaces root and port (after <see cref="KillHardAsync"/>), signed in
    /// with this one's session (the owner exists: no new link is printed); this one no longer deletes the root when
    /// disposed, the new one does.
    /// </summary>
    public async Task<ServerProcess> RestartAsync(CancellationToken cancellationToken)
    {
        await KillHardAsync();
        _keepRoot = true;
        var next = await StartAsync(_settings, Root, Address.Port, cancellationToken);
        next._cookies = _cookies;
        return next;
    }

    private static async Task<ServerProcess> StartAsync(
        IReadOnlyDictionary<string, string> settings, string root, int port, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(ServerDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Journeyscope__WorkspacesRoot"] = root;
        start.Environment["Journeyscope__CreateDemo"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, root, new Uri($"http://127.0.0.1:{port}/"), settings);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(cancellationToken);

        return server;
    }

    /// <summary>A client signed in as the owner, with the session of the one-time link the server printed on its first start.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { CookieContainer = _cookies, UseCookies = true }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>The one-time sign-in link the server printed (null until it has).</summary>
    public string? PrintedLink() => LinkLine().Match(Output) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>Sends the cookies of a browser's session with <see cref="CreateClient"/>'s clients.</summary>
    public void UseCookies(IEnumerable<(string Name, string Value)> cookies)
    {
        ArgumentNullException.ThrowIfNull(cookies);
        foreach (var (name, value) in cookies)
        {
            _cookies.Add(Address, new Cookie(name, value));
        }
    }

    private async Task<string> WaitForLinkAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string? link;
        while ((link = PrintedLink()) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        return link ?? throw new InvalidOperationException("The server printed no one-time sign-in link:\n" + Output);
    }

    // Opens the printed link as the user would, once; the session cookie then goes with every client.
    private async Task SignInAsync(CancellationToken cancellationToken)
    {
        var link = await WaitForLinkAsync(cancellationToken);

        using var client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, UseCookies = true, AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(link), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || _cookies.GetCookies(Address).Count == 0)
        {
            throw new InvalidOperationException($"The printed link did not sign in ({(int)response.StatusCode} {response.Headers.Location}):\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_keepRoot)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // DuckDB may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("api/v1/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("The server did not answer /api/v1/health within 2 minutes:\n" + Output);
    }

    /// <summary>The folder that holds Journeyscope.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Journeyscope.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Journeyscope.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The server's build output beside the tests' (same configuration).</summary>
    private static string ServerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var dll = Path.Combine(RepositoryRoot(), "src", "Journeyscope.Server", "bin", configuration, "net10.0", "Journeyscope.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first: " + dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Sign in as the owner[^:]*: (http\S+)")]
    private static partial System.Text.RegularExpressions.Regex LinkLine();
}
