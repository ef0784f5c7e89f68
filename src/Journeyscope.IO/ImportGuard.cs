namespace Journeyscope.IO;

/// <summary>
/// Runs one import under its time budget and turns anything but an <see cref="ImportException"/> or the caller's
/// cancellation into an <see cref="ImportException"/>, so no importer failure escapes as another exception type.
/// </summary>
internal static class ImportGuard
{
    /// <summary>The reason prefix of a failure no importer anticipated: a bug to report, never the file's fault alone.</summary>
    public const string UnexpectedPrefix = "unexpected error while reading the file";

    /// <summary>Runs <paramref name="import"/> with a token cancelled by the caller or at <see cref="ImportOptions.MaxDuration"/>.</summary>
    public static ImportResult Run(string source, ImportOptions options, CancellationToken cancellationToken, Func<CancellationToken, ImportResult> import)
    {
        options.Validate();
        using var budget = options.MaxDuration is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.MaxDuration is { } duration)
        {
            budget!.CancelAfter(duration);
        }

        try
        {
            return import(budget?.Token ?? cancellationToken);
        }
        catch (ImportException)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (budget is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            throw new ImportException(options.SourceName ?? source, 0, -1, null,
                $"the import exceeds its time budget of {options.MaxDuration}; raise it {ImportSession.Knob(ImportBudget.MaxDuration)} to import this file", ex)
            {
                ExceededBudget = ImportBudget.MaxDuration,
            };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or StackOverflowException or ThreadAbortException))
        {
            throw new ImportException(options.SourceName ?? source, 0, -1, null, $"{UnexpectedPrefix} ({ex.GetType().Name}: {ex.Message}); please report it", ex);
        }
    }
}
