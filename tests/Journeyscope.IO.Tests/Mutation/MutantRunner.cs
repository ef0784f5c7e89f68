using System.Diagnostics;

namespace Journeyscope.IO.Tests.Mutation;

/// <summary>Imports one mutant on its own thread under a time bound and classifies what happened.</summary>
internal static class MutantRunner
{
    /// <summary>What one import did: null when it succeeded or raised <see cref="ImportException"/>, else the failure.</summary>
    public static string? Run(string path, ImportOptions options, TimeSpan limit, long maxAllocatedBytes)
    {
        using var cancel = new CancellationTokenSource(limit);
        Exception? failure = null;
        var allocated = 0L;
        var thread = new Thread(() =>
        {
            var before = GC.GetTotalAllocatedBytes();
            try
            {
                EventLogFile.Import(path, null, options, cancel.Token);
            }
            catch (ImportException ex) when (ex.Reason.StartsWith(ImportGuard.UnexpectedPrefix, StringComparison.Ordinal))
            {
                // The safety net caught what no importer anticipated: still a bug to count.
                failure = ex.InnerException ?? ex;
            }
            catch (ImportException)
            {
                // The contract: every failure is an ImportException.
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            allocated = GC.GetTotalAllocatedBytes() - before;
        })
        {
            IsBackground = true,
        };
        var clock = Stopwatch.StartNew();
        thread.Start();
        if (!thread.Join(limit + limit))
        {
            return $"hang: still running after {clock.Elapsed.TotalSeconds:0.0} s (cancellation not honoured)";
        }

        if (failure is OperationCanceledException)
        {
            return $"over the time bound: cancelled after {clock.Elapsed.TotalSeconds:0.0} s";
        }

        if (failure is not null)
        {
            return $"{failure.GetType().Name} at {TopFrame(failure)}: {failure.Message}";
        }

        return allocated > maxAllocatedBytes ? $"over the memory bound: allocated {allocated / (1 << 20)} MiB" : null;
    }

    /// <summary>A crash's identity: its type and the first stack frame, so repeats of one bug count once.</summary>
    public static string Key(string failure)
    {
        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        return failure.StartsWith("hang", StringComparison.Ordinal) || failure.StartsWith("over", StringComparison.Ordinal)
            ? failure[..failure.IndexOf(':', StringComparison.Ordinal)]
            : colon > 0 ? failure[..colon] : failure;
    }

    private static string TopFrame(Exception ex)
    {
        var frame = new StackTrace(ex, false).GetFrames().FirstOrDefault(f => f.GetMethod() is not null);
        var method = frame?.GetMethod();
        return method is null ? "?" : $"{method.DeclaringType?.FullName}.{method.Name}";
    }
}
