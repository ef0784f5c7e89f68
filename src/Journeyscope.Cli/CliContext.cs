using System.CommandLine;
using Journeyscope.Cli.Output;
using Journeyscope.EventLogs;

namespace Journeyscope.Cli;

/// <summary>What every command needs: where to write, whether a person watches, and the shared options.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool interactive)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Whether progress bars may redraw stderr.</summary>
    public bool Interactive { get; } = interactive;

    public Option<string> Workspace { get; } = new("--workspace", "-w")
    {
        Description = "The workspace: a name in the workspaces folder shared with 'journeyscope serve' (JOURNEYSCOPE_HOME/workspaces), " +
            "or a folder path. Default: JOURNEYSCOPE_WORKSPACE, else the current folder if it is a workspace, else 'demo'. " +
            "Examples: -w shop, --workspace ./shop",
        DefaultValueFactory = _ => WorkspaceLocation.Default(),
        CustomParser = result => result.Tokens.Count > 0
            ? WorkspaceLocation.Resolve(result.Tokens[^1].Value, Directory.GetCurrentDirectory())
            : WorkspaceLocation.Default(),
        Recursive = true,
    };

    public Option<string> Format { get; } = CreateFormat();

    public Option<string> TimeBasisOption { get; } = CreateTimeBasis();

    public OutputFormat GetFormat(ParseResult parse) => parse.GetValue(Format) switch
    {
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        "dot" => OutputFormat.Dot,
        _ => OutputFormat.Table,
    };

    public TimeBasis GetTimeBasis(ParseResult parse) =>
        parse.GetValue(TimeBasisOption) == "wall-clock" ? TimeBasis.WallClock : TimeBasis.Utc;

    private static Option<string> CreateFormat()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output: 'table' for people, 'json' or 'csv' for scripts (stable keys), 'dot' (discover only) for Graphviz, 'md' (agenda, journey canvas) and 'tracker' (agenda only). Example: --format json",
            DefaultValueFactory = _ => "table",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("table", "json", "csv", "dot", "md", "tracker");
        return option;
    }

    private static Option<string> CreateTimeBasis()
    {
        var option = new Option<string>("--time-basis")
        {
            Description = "'utc' measures true elapsed time (default); 'wall-clock' ignores UTC offsets as PM4Py does. Example: --time-basis wall-clock",
            DefaultValueFactory = _ => "utc",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("utc", "wall-clock");
        return option;
    }
}
