using System.CommandLine;
using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;
using Journeyscope.Journeys;
using Journeyscope.Storage;

namespace Journeyscope.Cli.Commands;

/// <summary>Where the journey commands find journey files and the workspace log.</summary>
internal static class JourneyFiles
{
    public const string FolderName = JourneyRepository.FolderName;

    /// <summary>The files given, or every <c>*.yaml</c>/<c>*.yml</c> in the workspace's journeys/ folder, sorted.</summary>
    public static IReadOnlyList<string> Resolve(string[]? files, string workspace)
    {
        if (files is { Length: > 0 })
        {
            return files;
        }

        var folder = Path.Combine(workspace, FolderName);
        if (!Directory.Exists(folder))
        {
            throw new IOException($"No journey files given and {folder} does not exist. Run 'journeyscope journey init' to write one.");
        }

        var found = JourneyRepository.Files(folder);
        if (found.Count == 0)
        {
            throw new IOException($"No journey files (*.yaml, *.yml) in {folder}. Run 'journeyscope journey init' to write one.");
        }

        return found;
    }

    /// <summary>The workspace's current log, or <c>null</c> when the folder is not a workspace or holds no events.</summary>
    public static EventLog? TryLoadLog(string workspace, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(workspace))
        {
            return null;
        }

        try
        {
            using var store = Workspace.Open(workspace, create: false);
            var log = store.LoadEventLog(cancellationToken);
            return log.EventCount == 0 ? null : log;
        }
        catch (WorkspaceException)
        {
            return null;
        }
    }

    /// <summary>Reads a journey file; a missing file is bad input (exit 1).</summary>
    public static JourneyReadResult Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new IOException($"{path}: no such journey file.");
        }

        return JourneyYaml.Read(path);
    }

    /// <summary>
    /// Reads a journey file that has no errors (reader and validator). A missing or invalid file is bad input
    /// (exit 1), with every error listed.
    /// </summary>
    public static DesignedJourney ReadValid(string path)
    {
        var read = Read(path);
        var errors = JourneyValidator.Validate(read).Where(d => d.IsError).ToList();
        if (errors.Count > 0 || read.Journey is null)
        {
            throw new IOException(
                $"{path}: the journey is not valid ({errors.Count} errors); run 'journeyscope journey validate {path}':" + Environment.NewLine +
                string.Join(Environment.NewLine, errors));
        }

        return read.Journey;
    }

    public static Argument<string[]> FilesArgument(string description) => new("files")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
    };
}
