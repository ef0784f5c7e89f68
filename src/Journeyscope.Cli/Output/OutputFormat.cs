namespace Journeyscope.Cli.Output;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned tables for people.</summary>
    Table,

    /// <summary>JSON with stable camelCase keys, for scripts.</summary>
    Json,

    /// <summary>CSV with a header row, for scripts and spreadsheets.</summary>
    Csv,

    /// <summary>Graphviz DOT, for commands that draw a graph (discover).</summary>
    Dot,
}
