using Journeyscope.IO;

namespace Journeyscope.Cli.Commands;

/// <summary>The format names the command line accepts for --input-format and --output-format.</summary>
internal static class FormatNames
{
    public static readonly string[] All = ["xes", "csv", "jsonl", "parquet", "ocel"];

    public static EventLogFormat? Parse(string? name) => name switch
    {
        "xes" => EventLogFormat.Xes,
        "csv" => EventLogFormat.Csv,
        "jsonl" => EventLogFormat.JsonLines,
        "parquet" => EventLogFormat.Parquet,
        "ocel" => EventLogFormat.Ocel,
        _ => null,
    };
}
