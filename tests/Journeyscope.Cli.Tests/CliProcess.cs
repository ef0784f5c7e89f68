using System.Diagnostics;

namespace Journeyscope.Cli.Tests;

/// <summary>
/// Runs the CLI in a child process (<c>dotnet journeyscope.dll</c>), for inputs that could kill the process: a stack
/// overflow cannot be caught in .NET, and an in-process run would take the test host down with it instead of failing.
/// </summary>
internal static class CliProcess
{
    /// <summary>Runs the CLI; <paramref name="heapLimitBytes"/> caps the child's GC heap, so runaway memory fails fast.</summary>
    public static (int ExitCode, string Output, string Error, TimeSpan Elapsed) Run(long? heapLimitBytes, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "journeyscope.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("JOURNEYSCOPE_DEBUG");
        if (heapLimitBytes is { } limit)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limit.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"journeyscope {string.Join(' ', args)} ran for more than 2 minutes");
        }

        return (process.ExitCode, output.Result, error.Result, watch.Elapsed);
    }
}
